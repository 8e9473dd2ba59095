import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';
import { ConsentsRepository } from './consents.repository';
import { ConsentsService } from './consents.service';
import { ClientDataRegistry } from './export/client-data.registry';
import { ClientExportService } from './export/client-export.service';
import { ErasureRepository } from './erasure/erasure.repository';
import { ErasureService } from './erasure/erasure.service';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** Clients, their consents and care teams. Break-the-glass comes from the global AuthModule. */
@Module({
  imports: [AuditModule],
  providers: [
    ClientsRepository,
    ClientsService,
    ConsentsRepository,
    ConsentsService,
    ClientDataRegistry,
    ClientExportService,
    ErasureRepository,
    ErasureService,
    RetentionRepository,
    RetentionService,
  ],
  exports: [
    ClientsRepository,
    ClientsService,
    ConsentsRepository,
    ConsentsService,
    ClientDataRegistry,
    ClientExportService,
    ErasureService,
    RetentionRepository,
    RetentionService,
  ],
})
export class ClientsModule {}
