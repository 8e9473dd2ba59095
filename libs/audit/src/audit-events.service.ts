import { Injectable } from '@nestjs/common';
import { Page } from '@meridian/core';
import {
  AuditEventListFilter,
  AuditEventRepository,
  AuditEventView,
} from './audit-event.repository';
import { AuditAction, AuditLog } from './audit-log';

/**
 * Reading the access log, which is itself an access: every page read leaves its own row, so
 * the log shows who looked at who looked.
 */
@Injectable()
export class AuditEventsService {
  constructor(
    private readonly events: AuditEventRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(
    filter: AuditEventListFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<AuditEventView>> {
    const result = await this.events.list(filter, page);
    // The page names clients (by number, with what was done to their record): like every list
    // of clients, its row says which, so each client's access overview shows the reading too.
    const clientIds = [
      ...new Set(result.data.flatMap((event) => (event.clientId ? [event.clientId] : []))),
    ];
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: 'audit-event',
      clientId: filter.clientId ?? null,
      clientIds,
    });
    return result;
  }
}
