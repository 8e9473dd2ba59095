import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext, RequestErrorCode, RequestException } from '@meridian/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { IdempotencyStore } from './idempotency.store';
import { NO_IDEMPOTENCY_KEY } from './no-idempotency-key.decorator';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Response headers replayed with the stored body. */
const REPLAYED_HEADERS = ['location', 'etag'];

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its successful response
 * is stored; a retry with the same key and body gets that response again without running;
 * the same key with another body is refused (422), and a retry while the first still runs
 * answers 409. Failed requests release the key: their transaction rolled back, so running
 * them again is safe. Keys are scoped to the caller and the route.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    private readonly requestContext: RequestContext,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    const exempt = this.reflector.getAllAndOverride<boolean>(NO_IDEMPOTENCY_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (exempt) return next.handle();

    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      return throwError(
        () =>
          new RequestException(
            RequestErrorCode.IdempotencyKeyInvalid,
            'Idempotency-Key must be 1 to 255 visible ASCII characters.',
            [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
          ),
      );
    }
    const route = request.routeOptions.url ?? request.url;
    // Public creates (sign-up) are scoped to the caller's address: another caller who guessed
    // the key must not receive this one's response.
    const caller =
      this.requestContext.actor?.userId ?? `anonymous:${this.requestContext.origin.ip ?? ''}`;
    const key = this.store.key(`${caller}:${route}:${sha256(header)}`);
    const fingerprint = this.store.fingerprint(
      `${request.url}\n${JSON.stringify(request.body ?? null)}`,
    );
    const reply = http.getResponse<FastifyReply>();

    return from(this.store.claim(key, fingerprint)).pipe(
      mergeMap((existing) => {
        if (!existing) return this.runAndStore(next, request, reply, key, fingerprint);
        if (existing.fingerprint !== fingerprint) {
          throw new RequestException(
            RequestErrorCode.IdempotencyKeyReused,
            'This Idempotency-Key was used with a different request body.',
          );
        }
        if (existing.state === 'pending') {
          throw new RequestException(
            RequestErrorCode.IdempotencyKeyInProgress,
            'A request with this Idempotency-Key is still being processed; retry shortly.',
          );
        }
        for (const [name, value] of Object.entries(existing.headers)) reply.header(name, value);
        reply.header('idempotent-replayed', 'true');
        return of(existing.body);
      }),
    );
  }

  private runAndStore(
    next: CallHandler,
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    fingerprint: string,
  ): Observable<unknown> {
    const route = request.routeOptions.url ?? '';
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        await this.store.complete(key, { state: 'done', fingerprint, body, headers });
        const clientId = clientOfResponse(route, request, body);
        if (clientId) await this.store.indexClient(key, clientId);
        return body;
      }),
      catchError((error: unknown) =>
        from(this.store.release(key)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}

/**
 * The client a stored response is about: the new client of `POST /clients`, the client named
 * in the path, or the `clientId` the response carries. Null when it is about none.
 */
function clientOfResponse(route: string, request: FastifyRequest, body: unknown): string | null {
  const record = body as { id?: unknown; clientId?: unknown } | null;
  const params = request.params as { id?: unknown } | undefined;
  const candidate =
    route === '/api/v1/clients'
      ? record?.id
      : route.startsWith('/api/v1/clients/:id')
        ? params?.id
        : record?.clientId;
  return typeof candidate === 'string' ? candidate : null;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
