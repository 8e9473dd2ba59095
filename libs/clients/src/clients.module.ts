import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';
import { ClientExportRegistry } from './export/client-export.registry';
import { ClientExportService } from './export/client-export.service';

/** Clients, their consents and care teams. Break-the-glass comes from the global AuthModule. */
@Module({
  imports: [AuditModule],
  providers: [
    ClientsRepository,
    ClientsService,
    ConsentsRepository,
    ConsentsService,
    ClientExportRegistry,
    ClientExportService,
  ],
  exports: [
    ClientsRepository,
    ClientsService,
    ConsentsRepository,
    ConsentsService,
    ClientExportRegistry,
    ClientExportService,
  ],
})
export class ClientsModule {}
