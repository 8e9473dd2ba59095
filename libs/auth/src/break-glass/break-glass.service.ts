import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { Actor, formatClientNumber } from '@meridian/core';
import { v7 as uuid } from 'uuid';
import { BreakGlassRepository } from './break-glass.repository';
import {
  BreakGlassGrantPage,
  BreakGlassGrantResponse,
  ListBreakGlassQuery,
} from './dto/break-glass.dto';

/** How long broken glass stays open: one working day, then the practitioner must ask again. */
export const BREAK_GLASS_HOURS = 8;

/**
 * Emergency access outside the care team. The grant and its reason are kept for the admins'
 * review; the access log records that, by whom and for which client, never the reason.
 */
@Injectable()
export class BreakGlassService {
  constructor(
    private readonly grants: BreakGlassRepository,
    private readonly audit: AuditLog,
  ) {}

  async grant(actor: Actor, clientId: string, reason: string): Promise<BreakGlassGrantResponse> {
    const grantedAt = new Date();
    const expiresAt = new Date(grantedAt.getTime() + BREAK_GLASS_HOURS * 60 * 60 * 1000);
    const id = uuid();
    await this.grants.insert({ id, userId: actor.userId, clientId, reason, grantedAt, expiresAt });
    await this.audit.record({
      action: AuditAction.BreakGlass,
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      purpose: 'break-glass',
    });
    return {
      id,
      clientId,
      userId: actor.userId,
      grantedAt: grantedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** Of `clientIds`, those `actor` may currently reach through broken glass. */
  async activeFor(actor: Actor, clientIds: readonly string[]): Promise<Set<string>> {
    return this.grants.activeClientIds(actor.userId, clientIds);
  }

  async list(query: ListBreakGlassQuery): Promise<BreakGlassGrantPage> {
    const { rows, nextCursor } = await this.grants.list(query, query.limit, query.cursor);
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: 'break-glass-grant',
      clientIds: rows.map((row) => row.clientId),
    });
    return {
      data: rows.map((row) => ({
        ...row,
        clientNumber: formatClientNumber(row.clientNumber),
        grantedAt: row.grantedAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
      })),
      nextCursor,
    };
  }
}
