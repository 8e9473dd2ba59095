import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsModule } from '@meridian/clients';
import { ClinicsModule } from '@meridian/clinics';
import { OutcomesModule } from '@meridian/outcomes';
import { QueueModule } from '@meridian/queue';
import { PlanProgressService } from './plan-progress.service';
import { TreatmentPlansRepository } from './treatment-plans.repository';
import { TreatmentPlansService } from './treatment-plans.service';

/** Treatment plans: phases, goals, interventions, their versions and progress. */
@Module({
  imports: [AuditModule, ClientsModule, ClinicsModule, OutcomesModule, QueueModule],
  providers: [TreatmentPlansRepository, TreatmentPlansService, PlanProgressService],
  exports: [TreatmentPlansRepository, TreatmentPlansService, PlanProgressService],
})
export class TreatmentPlansModule {}
