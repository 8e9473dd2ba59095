import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { AuthException } from '@meridian/auth';
import type { FastifyReply } from 'fastify';
import { toProblem } from './problem';

/**
 * Every error leaves as `application/problem+json`. Server faults are logged with their stack
 * (name, code and message only: driver errors may quote row values in their other fields);
 * the client sees a bare 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toProblem(error);
    if (body.status === 500) {
      const { name, message, stack, code } = error as Error & { code?: string };
      this.logger.error({ err: { name, code, message, stack } }, 'request failed');
    }
    if (error instanceof AuthException && error.retryAfterSeconds !== undefined) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    void reply.status(body.status).header('content-type', 'application/problem+json').send(body);
  }
}
