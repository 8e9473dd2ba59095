import { UUID_PATTERN } from '@meridian/core';
import type { FastifyRequest } from 'fastify';

/**
 * The client a request is about, when its route names one (`/clients/:id/...`), so that a
 * refused or failed attempt on a record shows in that client's access overview too.
 */
export function clientIdOfRoute(request: FastifyRequest): string | null {
  const route = request.routeOptions.url ?? '';
  const id = (request.params as { id?: unknown } | undefined)?.id;
  return /\/clients\/:id(\/|$)/.test(route) && typeof id === 'string' && UUID_PATTERN.test(id)
    ? id.toLowerCase()
    : null;
}
