import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { versionTag } from '@meridian/core';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';

/**
 * Every record the API answers with carries its version, and every such answer its `ETag`
 * (design section 7), so a client can send it back as `If-Match`. Set here once instead of in
 * each handler; runs inside the idempotency interceptor, which stores the header for replays.
 */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null | undefined)?.version;
        if (typeof version === 'number' && Number.isInteger(version)) {
          void reply.header('etag', versionTag(version));
        }
        return body;
      }),
    );
  }
}
