import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { Actor } from '@meridian/core';
import { v7 as uuid } from 'uuid';
import { ClientsException } from '../clients.exception';
import { ClientsRepository } from '../clients.repository';
import { ClientDataRegistry } from '../export/client-data.registry';
import {
  DecideErasureDto,
  ErasureRequestPage,
  ErasureRequestResponse,
  ListErasureRequestsQuery,
  toErasureResponse,
} from './erasure.dto';
import { ErasureRepository } from './erasure.repository';

const RESOURCE = 'erasure-request';

/**
 * A client's right to erasure. The request is recorded with a deadline three months on; an
 * admin refuses it with a reason (the WGBO keeps a record 20 years, a legal hold) or executes
 * it: every registered section destroys what it holds, the record keeps only its number and
 * the mark of the erasure, and the access log keeps its rows, which never held a name.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly requests: ErasureRepository,
    private readonly clients: ClientsRepository,
    private readonly registry: ClientDataRegistry,
    private readonly audit: AuditLog,
  ) {}

  async request(actor: Actor, clientId: string): Promise<ErasureRequestResponse> {
    const client = await this.clients.findById(clientId, true);
    if (!client) throw ClientsException.notFound();
    if (client.erasedAt) throw ClientsException.alreadyErased();
    if (await this.requests.pendingFor(clientId)) throw ClientsException.erasurePending();
    const request = await this.requests.insert({ id: uuid(), clientId, recordedBy: actor.userId });
    await this.audit.record({
      action: AuditAction.Create,
      resourceType: RESOURCE,
      resourceId: request.id,
      clientId,
    });
    return toErasureResponse(request, client.clientNumber);
  }

  async list(_actor: Actor, query: ListErasureRequestsQuery): Promise<ErasureRequestPage> {
    const page = await this.requests.list(query.status, query.limit, query.cursor);
    await this.audit.record({
      action: AuditAction.Search,
      resourceType: RESOURCE,
      clientIds: page.data.map((request) => request.clientId),
    });
    const numbers = await this.clients.numbersOf(page.data.map((request) => request.clientId));
    return {
      data: page.data.map((request) => toErasureResponse(request, numbers.get(request.clientId)!)),
      nextCursor: page.nextCursor,
    };
  }

  async decide(actor: Actor, id: string, input: DecideErasureDto): Promise<ErasureRequestResponse> {
    const request = await this.requests.findById(id, true);
    if (!request) throw ClientsException.erasureNotFound();
    if (request.status !== 'pending') throw ClientsException.erasureDecided();
    request.decidedAt = new Date();
    request.decidedBy = actor.userId;
    if (input.decision === 'refuse') {
      request.status = 'refused';
      request.refusalReason = input.reason ?? null;
      await this.audit.record({
        action: AuditAction.Update,
        resourceType: RESOURCE,
        resourceId: id,
        clientId: request.clientId,
      });
    } else {
      request.status = 'executed';
      for (const section of this.registry.sections()) await section.erase(request.clientId);
      await this.clients.anonymise(request.clientId);
      // Earlier refusals may name the client ("Mrs X is under a legal hold").
      await this.requests.eraseReasons(request.clientId);
      await this.audit.record({
        action: AuditAction.Delete,
        resourceType: 'client',
        resourceId: request.clientId,
        clientId: request.clientId,
      });
    }
    const numbers = await this.clients.numbersOf([request.clientId]);
    return toErasureResponse(await this.requests.save(request), numbers.get(request.clientId)!);
  }
}
