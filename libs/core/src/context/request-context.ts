import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

/**
 * What is known about the current request or job, read from the async context so that no
 * service takes it as a parameter it could be handed wrongly. The request id is the context id.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }
}
