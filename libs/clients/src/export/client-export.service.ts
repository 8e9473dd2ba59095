import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditAction, AuditEventRepository, AuditLog } from '@meridian/audit';
import { BreakGlassRepository } from '@meridian/auth/break-glass/break-glass.repository';
import { Actor } from '@meridian/core';
import { ClientsException } from '../clients.exception';
import { ClientsRepository } from '../clients.repository';
import { ConsentsRepository } from '../consents.repository';
import { toConsentResponse } from '../dto/consent.dto';
import { toClientResponse } from '../dto/client.response';
import { ClientDataRegistry } from './client-data.registry';

/** Every event of the client's access overview goes into the export, however many. */
const ACCESS_LOG_LIMIT = 1_000_000;

/**
 * Everything held on a client, as one JSON document: the record (intake included), and every
 * registered section. Logged as an export.
 */
@Injectable()
export class ClientExportService implements OnModuleInit {
  constructor(
    private readonly registry: ClientDataRegistry,
    private readonly clients: ClientsRepository,
    private readonly consents: ConsentsRepository,
    private readonly events: AuditEventRepository,
    private readonly grants: BreakGlassRepository,
    private readonly audit: AuditLog,
  ) {}

  /** The sections this lib holds; later modules add theirs the same way. */
  onModuleInit(): void {
    this.registry.register({
      name: 'consents',
      collect: async (clientId) => (await this.consents.ofClient(clientId)).map(toConsentResponse),
      // The facts of consent stay (what held when); the free-text note may describe the client.
      erase: (clientId) => this.consents.eraseNotes(clientId),
    });
    this.registry.register({
      name: 'careTeam',
      collect: (clientId) => this.clients.careTeam(clientId),
      // Who treated an anonymous client identifies nobody: the relationships stay.
      erase: async () => undefined,
    });
    this.registry.register({
      name: 'breakGlass',
      collect: (clientId) => this.grants.ofClient(clientId),
      erase: (clientId) => this.grants.eraseReasons(clientId),
    });
    this.registry.register({
      name: 'accessLog',
      collect: (clientId) => this.events.clientOverview(clientId, {}, ACCESS_LOG_LIMIT),
      // NEN 7513: the log keeps its rows. They hold ids, never a name or content.
      erase: async () => undefined,
    });
  }

  async export(_actor: Actor, clientId: string): Promise<Record<string, unknown>> {
    const client = await this.clients.findById(clientId);
    if (!client) throw ClientsException.notFound();
    const document: Record<string, unknown> = {
      exportedAt: new Date().toISOString(),
      client: toClientResponse(client, 'clinical'),
    };
    for (const section of this.registry.sections()) {
      if (section.collect) document[section.name] = await section.collect(clientId);
    }
    // Logged after collecting, so the export's own row is not in the access log it carries.
    await this.audit.record({
      action: AuditAction.Export,
      resourceType: 'client',
      resourceId: clientId,
      clientId,
    });
    return document;
  }
}
