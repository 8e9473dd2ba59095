import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditLog } from '@meridian/audit';
import { AppConfig, RequestContext, RequestErrorCode } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { QUEUE_NAMES } from '@meridian/queue';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { ClsService } from 'nestjs-cls';
import { problem } from '../problems/problem';
import { QueueDashboardAccess } from './queue-dashboard-access';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * Mounts bull-board at {@link QUEUE_DASHBOARD_PATH}: the page, its JSON API and its static
 * files, all behind {@link QueueDashboardAccess} (admins only). The hook lives in a plugin scope
 * of its own, so it guards exactly the dashboard's routes and nothing else of the API.
 * Call before the app listens: Fastify takes no routes after that.
 */
export async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const queues = QUEUE_NAMES.map(
    (name) =>
      // Read-only: retrying, promoting or removing a job from a browser would bypass the
      // outbox, which is what decides when a job exists (its id is the outbox row's); jobs
      // are re-requested through the domain, and lost ones come back through the reconciler.
      new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), {
        readOnlyMode: true,
      }),
  );
  const board = new BullBoardFastifyAdapter().setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues,
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Meridian queues' } },
  });
  const access = new QueueDashboardAccess(
    QUEUE_DASHBOARD_PATH,
    app.get(ClsService),
    app.get(RequestContext),
    app.get(AuditLog),
    app.get(TenantTransaction),
    app.get(AppConfig),
  );

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', access.onRequest);
      // Unknown paths under the prefix too, so nobody learns anything here before the gate.
      scope.setNotFoundHandler((_request, reply) => {
        const body = problem(
          RequestErrorCode.RouteNotFound,
          'No route matches this method and path.',
        );
        return reply.status(404).header('content-type', 'application/problem+json').send(body);
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
