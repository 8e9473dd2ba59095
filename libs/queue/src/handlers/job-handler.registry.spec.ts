import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { JobName } from '../jobs/job-name';
import { JobHandler } from './job-handler.decorator';
import { JobHandlerRegistry, JobHandlerRegistryError } from './job-handler.registry';
import { JobHandlersModule } from './job-handlers.module';

@Injectable()
class PruneHandler {
  handled: unknown[] = [];

  @JobHandler(JobName.OutboxPrune)
  async prune(data: unknown): Promise<void> {
    this.handled.push(data);
  }
}

@Injectable()
class SecondPruneHandler {
  @JobHandler(JobName.OutboxPrune)
  async prune(): Promise<void> {}
}

/** Every other job's handler, so each test is about the prune job alone. */
@Injectable()
class SealHandler {
  @JobHandler(JobName.AuditSeal)
  async seal(): Promise<void> {}

  @JobHandler(JobName.RetentionScan)
  async scan(): Promise<void> {}

  @JobHandler(JobName.MeasurementFlagged)
  async selfHarm(): Promise<void> {}

  @JobHandler(JobName.PlanPhaseEnding)
  async phaseEnding(): Promise<void> {}

  @JobHandler(JobName.FollowUpDue)
  async due(): Promise<void> {}

  @JobHandler(JobName.FollowUpEscalate)
  async escalate(): Promise<void> {}

  @JobHandler(JobName.AppointmentReminder)
  async remind(): Promise<void> {}

  @JobHandler(JobName.EmailSend)
  async emailSend(): Promise<void> {}
}

async function boot(
  ...providers: (typeof PruneHandler | typeof SecondPruneHandler | typeof SealHandler)[]
) {
  const module = await Test.createTestingModule({
    imports: [JobHandlersModule],
    providers,
  }).compile();
  return module.init();
}

describe(JobHandlerRegistry.name, () => {
  it('dispatches each job to its one handler', async () => {
    const app = await boot(PruneHandler, SealHandler);
    await app.get(JobHandlerRegistry).handle({ name: JobName.OutboxPrune, data: { keepDays: 7 } });
    expect(app.get(PruneHandler).handled).toEqual([{ keepDays: 7 }]);
    await app.close();
  });

  it('refuses to boot when a job name has no handler', async () => {
    await expect(boot(SealHandler)).rejects.toThrow(
      new JobHandlerRegistryError(`job "${JobName.OutboxPrune}" has no handler`),
    );
  });

  it('refuses to boot when a job name has two handlers', async () => {
    await expect(boot(PruneHandler, SecondPruneHandler, SealHandler)).rejects.toThrow(
      /has 2 handlers \(PruneHandler\.prune, SecondPruneHandler\.prune\)/,
    );
  });
});
