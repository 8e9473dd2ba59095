import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './job-handler.registry';

/** The registry of `@JobHandler` methods; imported by the worker only. */
@Module({
  imports: [DiscoveryModule],
  providers: [JobHandlerRegistry],
  exports: [JobHandlerRegistry],
})
export class JobHandlersModule {}
