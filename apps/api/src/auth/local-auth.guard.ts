import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AuthException } from '@meridian/auth';
import type { FastifyRequest } from 'fastify';
import { validationPipe } from '../problems/validation';
import { WellFormedInputPipe } from '../problems/well-formed-input.pipe';
import { LoginDto } from './dto/auth.dto';

/**
 * Runs the login body through the same global pipes as every other body, in the same order,
 * before Passport sees it (guards run before pipes): text PostgreSQL cannot store (a NUL, a
 * lone surrogate), a missing field or a 100 KB password is a 400 naming the field, and never
 * reaches the account lookup or argon2.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly pipes = [new WellFormedInputPipe(), validationPipe()];

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    for (const pipe of this.pipes) {
      request.body = await pipe.transform(request.body, { type: 'body', metatype: LoginDto });
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, result: T): T {
    if (error) throw error;
    if (!result) throw AuthException.invalidCredentials();
    return result;
  }
}
