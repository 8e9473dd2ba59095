import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsModule } from '@meridian/clients';
import { ClinicsModule } from '@meridian/clinics';
import { QueueModule } from '@meridian/queue';
import { InstrumentsService } from './instruments.service';
import { MeasurementsService } from './measurements.service';
import { OutcomesRepository } from './outcomes.repository';

/** Outcome instruments and measurements. */
@Module({
  imports: [AuditModule, ClientsModule, ClinicsModule, QueueModule],
  providers: [OutcomesRepository, InstrumentsService, MeasurementsService],
  exports: [OutcomesRepository, InstrumentsService, MeasurementsService],
})
export class OutcomesModule {}
