import { Injectable } from '@nestjs/common';
import { isUniqueViolation, TenantTransaction } from '@meridian/db';
import { IsNull } from 'typeorm';
import { ConsentEntity, ConsentType } from './consent.entity';

/** Consents of the clinic the current tenant transaction serves. */
@Injectable()
export class ConsentsRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** Null when a consent of that type is already in force (the partial unique index). */
  async insert(
    consent: Omit<
      ConsentEntity,
      'clinicId' | 'grantedAt' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawalMethod'
    >,
  ): Promise<ConsentEntity | null> {
    const manager = this.tx.manager;
    try {
      return await manager.save(
        manager.create(ConsentEntity, { ...consent, clinicId: this.tx.clinicId }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'consents_one_active_per_type')) return null;
      throw error;
    }
  }

  async ofClient(clientId: string): Promise<ConsentEntity[]> {
    return this.tx.manager.find(ConsentEntity, {
      where: { clinicId: this.tx.clinicId, clientId },
      order: { grantedAt: 'DESC', id: 'DESC' },
    });
  }

  /** Whether the client has a consent of `type` in force (granted, not withdrawn). */
  async inForce(clientId: string, type: ConsentType): Promise<boolean> {
    return this.tx.manager.existsBy(ConsentEntity, {
      clinicId: this.tx.clinicId,
      clientId,
      type,
      withdrawnAt: IsNull(),
    });
  }

  async findById(id: string, lock = false): Promise<ConsentEntity | null> {
    return this.tx.manager.findOne(ConsentEntity, {
      where: { clinicId: this.tx.clinicId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async eraseNotes(clientId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE consents SET note = NULL WHERE clinic_id = $1 AND client_id = $2`,
      [this.tx.clinicId, clientId],
    );
  }

  async save(consent: ConsentEntity): Promise<ConsentEntity> {
    return this.tx.manager.save(consent);
  }
}
