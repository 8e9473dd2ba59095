import { Injectable } from '@nestjs/common';
import { AuditAction, AuditLog } from '@meridian/audit';
import { Actor, FieldError, RequestException } from '@meridian/core';
import { v7 as uuid } from 'uuid';
import { ClientsException } from './clients.exception';
import { ClientsRepository } from './clients.repository';
import { ConsentsRepository } from './consents.repository';
import {
  ConsentList,
  ConsentResponse,
  GrantConsentDto,
  toConsentResponse,
  WithdrawConsentDto,
} from './dto/consent.dto';

const RESOURCE = 'consent';

/**
 * What the client agreed to. Reminders check `email-reminders`, plan activation `treatment`,
 * reports `outcome-statistics`. History is kept: a withdrawal stamps the consent, a new
 * grant is a new consent.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly clients: ClientsRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(_actor: Actor, clientId: string): Promise<ConsentList> {
    await this.requireClient(clientId);
    const consents = await this.consents.ofClient(clientId);
    await this.audit.record({ action: AuditAction.Read, resourceType: RESOURCE, clientId });
    return { data: consents.map(toConsentResponse) };
  }

  async grant(actor: Actor, clientId: string, input: GrantConsentDto): Promise<ConsentResponse> {
    await this.requireClient(clientId, true);
    return this.record(actor, clientId, input);
  }

  /**
   * 400 naming each consent whose type came earlier in `inputs` (`consents[1].type`): a client
   * has at most one consent of a type in force. Checked before anything is written.
   */
  assertOnePerType(inputs: readonly GrantConsentDto[], field = 'consents'): void {
    const seen = new Set<string>();
    const errors: FieldError[] = [];
    inputs.forEach((input, index) => {
      if (seen.has(input.type)) {
        errors.push({
          field: `${field}[${index}].type`,
          message: `is given twice: one ${input.type} consent per client`,
        });
      }
      seen.add(input.type);
    });
    if (errors.length > 0) throw RequestException.invalidFields(errors);
  }

  /**
   * The consents given at intake, for a client registered in the current transaction: each
   * recorded and logged exactly as {@link grant} records one, so a failure rolls back the
   * client with them. Types must be distinct ({@link assertOnePerType}).
   */
  async recordAtIntake(
    actor: Actor,
    clientId: string,
    inputs: readonly GrantConsentDto[],
  ): Promise<ConsentResponse[]> {
    const recorded: ConsentResponse[] = [];
    for (const input of inputs) recorded.push(await this.record(actor, clientId, input));
    return recorded;
  }

  private async record(
    actor: Actor,
    clientId: string,
    input: GrantConsentDto,
  ): Promise<ConsentResponse> {
    const consent = await this.consents.insert({
      id: uuid(),
      clientId,
      type: input.type,
      method: input.method,
      note: input.note ?? null,
      recordedBy: actor.userId,
    });
    if (!consent) throw ClientsException.consentInForce(input.type);
    await this.audit.record({
      action: AuditAction.Create,
      resourceType: RESOURCE,
      resourceId: consent.id,
      clientId,
    });
    return toConsentResponse(consent);
  }

  async withdraw(actor: Actor, id: string, input: WithdrawConsentDto): Promise<ConsentResponse> {
    const consent = await this.consents.findById(id, true);
    if (!consent) throw ClientsException.consentNotFound();
    if (consent.withdrawnAt) throw ClientsException.consentWithdrawn();
    await this.requireClient(consent.clientId, true);
    consent.withdrawnAt = new Date();
    consent.withdrawnBy = actor.userId;
    consent.withdrawalMethod = input.method;
    const saved = await this.consents.save(consent);
    await this.audit.record({
      action: AuditAction.Update,
      resourceType: RESOURCE,
      resourceId: id,
      clientId: consent.clientId,
    });
    return toConsentResponse(saved);
  }

  /** The client must exist; for a change, it must not have been erased either. */
  private async requireClient(clientId: string, forChange = false): Promise<void> {
    const client = await this.clients.findById(clientId);
    if (!client) throw ClientsException.notFound();
    if (forChange && client.erasedAt) throw ClientsException.alreadyErased();
  }
}
