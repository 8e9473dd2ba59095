import { Module } from '@nestjs/common';
import { AuditEventRepository } from './audit-event.repository';
import { AuditEventsService } from './audit-events.service';
import { AuditLog } from './audit-log';

/**
 * The access log: the writer every domain service records its accesses with, the repository
 * the worker seals through, and the service that reads the log (itself a logged access).
 * Needs the global CoreModule (request context) and DbModule (tenant transaction).
 */
@Module({
  providers: [AuditLog, AuditEventRepository, AuditEventsService],
  exports: [AuditLog, AuditEventRepository, AuditEventsService],
})
export class AuditModule {}
