import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JOB_NAMES, JobName } from '../jobs/job-name';
import { JobItem } from '../jobs/job-payload';
import { JOB_HANDLER_METADATA } from './job-handler.decorator';

type Handler = (data: JobItem['data']) => Promise<unknown>;

interface FoundHandler {
  name: JobName;
  owner: string;
  run: Handler;
}

/** Raised at boot when the handlers do not cover every job name exactly once. */
export class JobHandlerRegistryError extends Error {
  override name = 'JobHandlerRegistryError';
}

/**
 * Finds every `@JobHandler` method at boot and refuses to start unless each job name has
 * exactly one: a job without a handler would retry until it fails, and two handlers would
 * make which one runs depend on module order.
 */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = this.discover();
    const problems: string[] = [];
    for (const name of JOB_NAMES) {
      const owners = found.filter((handler) => handler.name === name).map((h) => h.owner);
      if (owners.length === 0) problems.push(`job "${name}" has no handler`);
      if (owners.length > 1)
        problems.push(`job "${name}" has ${owners.length} handlers (${owners.join(', ')})`);
    }
    if (problems.length > 0) throw new JobHandlerRegistryError(problems.join('; '));
    for (const handler of found) this.handlers.set(handler.name, handler.run);
  }

  /** Runs the handler of the job's name. */
  async handle(job: { name: string; data: unknown }): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new JobHandlerRegistryError(`job "${job.name}" has no handler`);
    return handler(job.data as JobItem['data']);
  }

  private discover(): FoundHandler[] {
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, fn);
        if (!name) continue;
        found.push({
          name,
          owner: `${instance.constructor.name}.${method}`,
          run: (data) => (fn as Handler).call(instance, data),
        });
      }
    }
    return found;
  }
}
