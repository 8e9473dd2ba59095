import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  OpenAPIObject,
  ReferenceObject,
  SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
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

/**
 * Every tag an operation may carry, in the order the documentation lists them. A tag used but
 * missing here fails the document's lint (`operation-tag-defined`, see redocly.yaml).
 */
const TAGS: Record<string, string> = {
  auth: 'Sign-in, the second factor, session renewal and sign-out; the caller’s own account.',
  clinic: 'Signing up a clinic, and its settings.',
  users: 'Staff accounts, roles and disciplines; the staff directory.',
  clients: 'Client records: identity, contact, intake, care team, export and access overview.',
  consents: 'A client’s consents, granted and withdrawn.',
  'treatment-plans': 'Multidisciplinary treatment plans: phases, goals and interventions.',
  outcomes: 'Outcome instruments and a client’s measurements, scored by the server.',
  'session-notes':
    'Session notes per discipline, signing and addenda; the WHO acupuncture point list.',
  appointments: 'Booking, moving, check-in, completion, no-shows and cancellation.',
  'follow-ups': 'Follow-up tasks for a user or the reception queue.',
  reports: 'Aggregates over a period in the clinic’s time zone; CSV on request.',
  notifications: 'E-mails sent and failed.',
  erasure: 'Data-subject requests: erasure requests and retention reviews.',
  'break-the-glass': 'Emergency access to a client outside the care team, and its record.',
  audit: 'The access log (NEN 7513).',
  health: 'Liveness and readiness probes.',
  admin: 'Operating the service: the queue dashboard.',
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Meridian API')
    .setDescription(
      'Client management for integrative health clinics. Every error is an RFC 9457 ' +
        '`application/problem+json` document with a stable `code`. POST requests accept an ' +
        '`Idempotency-Key` header: a retry with the same key and body returns the first ' +
        'response (with `Idempotent-Replayed: true`), the same key with another body answers 422.',
    )
    .setVersion('1')
    // Relative: the document is served by the API it describes, wherever that is deployed.
    .addServer('/', 'The server that serves this document.')
    .addBearerAuth();
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemResponse],
  });
  Object.assign(document.paths, queueDashboardPaths());

  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const permission = (operation as { 'x-permission'?: string })['x-permission'];
      // Said outright: a public route needs no credentials (the others carry the bearer scheme).
      if (permission === 'public') operation.security = [];
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
  typeNullableCombinations(document);
  return document;
}

type Schema = SchemaObject & ReferenceObject;

/**
 * Gives a nullable `oneOf`/`anyOf` the type its members share. Nest drops the `type` declared
 * beside a combinator, but OpenAPI 3.0 reads `nullable` only together with a `type` (a note's
 * `content`: one of four object schemas, or null).
 */
function typeNullableCombinations(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const typeOf = (schema: Schema) =>
    schema.$ref ? schemas[schema.$ref.replace('#/components/schemas/', '')]?.type : schema.type;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const schema = node as Schema;
    const members = schema.oneOf ?? schema.anyOf;
    if (schema.nullable && !schema.type && members) {
      const types = new Set(members.map((member) => typeOf(member as Schema)));
      const [type] = types;
      if (types.size === 1 && type) schema.type = type;
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
}
