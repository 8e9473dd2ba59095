import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { queueDashboardPaths } from './admin-queues/queue-dashboard.openapi';
import { ProblemResponse } from './problems/problem.schema';

const PROBLEM = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemResponse' } },
};

/** Error responses every operation can give, added so no route documents fewer than it has. */
const COMMON_ERRORS: Record<string, string> = {
  '429': 'Rate limited.',
  '500': 'Unexpected failure; the body never carries internals.',
};
/** Responses of every route that needs a session. */
const SESSION_ERRORS: Record<string, string> = {
  '401': 'No valid access token (missing, expired, revoked, forged or not an access token).',
  '403':
    'Signed in, but the roles lack the permission in `x-permission`, the password must be changed first, or the permission needs an MFA session.',
};
const BODY_ERRORS: Record<string, string> = {
  '400': 'Malformed JSON, or invalid or unknown fields (listed in `errors`).',
  '413': 'Body larger than 1 MB.',
  '415': 'Body not sent as application/json.',
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Meridian API')
    .setDescription(
      'Client management for integrative health clinics. Every error is an RFC 9457 ' +
        '`application/problem+json` document with a stable `code`. POST requests accept an ' +
        '`Idempotency-Key` header: a retry with the same key and body returns the first ' +
        'response (with `Idempotent-Replayed: true`), the same key with another body answers 422.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemResponse] });
  Object.assign(document.paths, queueDashboardPaths());

  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const permission = (operation as { 'x-permission'?: string })['x-permission'];
      const errors = {
        ...COMMON_ERRORS,
        ...(method === 'get' ? {} : BODY_ERRORS),
        ...(permission && permission !== 'public' ? SESSION_ERRORS : {}),
      };
      for (const [status, description] of Object.entries(errors)) {
        operation.responses[status] ??= { description, content: PROBLEM };
      }
      // Auth routes hand out tokens, which are never stored for replay.
      if (method === 'post' && !operation.tags?.includes('auth')) {
        operation.parameters = [
          ...(operation.parameters ?? []),
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Makes a retry return the first response instead of acting twice.',
            schema: { type: 'string', maxLength: 255 },
          },
        ];
        operation.responses['409'] ??= {
          description: 'A request with the same Idempotency-Key is still running.',
          content: PROBLEM,
        };
        operation.responses['422'] ??= {
          description: 'The Idempotency-Key was used with a different body.',
          content: PROBLEM,
        };
      }
    }
  }
  return document;
}
