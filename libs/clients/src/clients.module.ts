import { Module } from '@nestjs/common';
import { AuditModule } from '@meridian/audit';
import { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';

/** Clients and their care teams. Break-the-glass comes from the global AuthModule. */
@Module({
  imports: [AuditModule],
  providers: [ClientsRepository, ClientsService],
  exports: [ClientsRepository, ClientsService],
})
export class ClientsModule {}
