import type { OperationObject, PathsObject } from '@nestjs/swagger';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard';

/**
 * The dashboard in the API document. It is a Fastify plugin, which Nest's document builder
 * never sees, so it is described by hand; the error responses are added with everyone else's.
 */
export function queueDashboardPaths(): PathsObject {
  const get: OperationObject & Record<`x-${string}`, unknown> = {
    tags: ['admin'],
    summary: 'BullMQ queue dashboard (bull-board), read-only',
    description:
      'An HTML page for admins, showing the jobs of every queue. Its JSON API under ' +
      '`/admin/queues/api/` and its static files under `/admin/queues/static/` take the same ' +
      'bearer token and the same admin check. Not part of the versioned API: the page and its ' +
      'API change with bull-board.',
    operationId: 'queueDashboard',
    security: [{ bearer: [] }],
    responses: {
      '200': {
        description: 'The dashboard page.',
        content: { 'text/html': { schema: { type: 'string' } } },
      },
    },
    // Not a permission of the permission table: the dashboard is checked by the admin role.
    'x-permission': 'role:admin',
    'x-mfa-session-required': false,
  };
  return { [QUEUE_DASHBOARD_PATH]: { get } };
}
