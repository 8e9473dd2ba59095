import { Injectable } from '@nestjs/common';
import { decodeCursor, ISO_MILLIS_PATTERN, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { TreatmentPlanVersionEntity } from './treatment-plan-version.entity';
import { TreatmentPlanEntity } from './treatment-plan.entity';

/** Treatment plans and their versions, in the current tenant transaction. */
@Injectable()
export class TreatmentPlansRepository {
  constructor(private readonly tx: TenantTransaction) {}

  /** The plan; locked until the transaction ends when it is about to change. */
  async findById(id: string, lock = false): Promise<TreatmentPlanEntity | null> {
    return this.tx.manager.findOne(TreatmentPlanEntity, {
      where: { clinicId: this.tx.clinicId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** A client's plans, newest first, keyset-paginated on (created at, id). */
  async ofClient(
    clientId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<TreatmentPlanEntity>> {
    const query = this.tx.manager
      .createQueryBuilder(TreatmentPlanEntity, 'p')
      .where('p.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('p.client_id = :clientId', { clientId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1);
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, 2, [ISO_MILLIS_PATTERN, UUID_PATTERN]);
      query.andWhere('(p.created_at, p.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await query.getMany();
    return keysetPage(rows, limit, (row) => [row.createdAt.toISOString(), row.id]);
  }

  /** Every plan of a client with all its versions, oldest first: for the export. */
  async allOf(clientId: string): Promise<TreatmentPlanEntity[]> {
    return this.tx.manager.find(TreatmentPlanEntity, {
      where: { clinicId: this.tx.clinicId, clientId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async versionsOf(planIds: readonly string[]): Promise<TreatmentPlanVersionEntity[]> {
    if (planIds.length === 0) return [];
    return this.tx.manager
      .createQueryBuilder(TreatmentPlanVersionEntity, 'v')
      .where('v.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('v.plan_id = ANY(:planIds)', { planIds })
      .orderBy('v.plan_id')
      .addOrderBy('v.version')
      .getMany();
  }

  async version(planId: string, version: number): Promise<TreatmentPlanVersionEntity | null> {
    return this.tx.manager.findOneBy(TreatmentPlanVersionEntity, {
      clinicId: this.tx.clinicId,
      planId,
      version,
    });
  }

  async insert(
    plan: Omit<TreatmentPlanEntity, 'clinicId' | 'createdAt' | 'updatedAt' | 'version'>,
  ): Promise<TreatmentPlanEntity> {
    const manager = this.tx.manager;
    return manager.save(
      manager.create(TreatmentPlanEntity, { ...plan, clinicId: this.tx.clinicId }),
    );
  }

  /** Saves a change; the version column goes up by one. */
  async save(plan: TreatmentPlanEntity): Promise<TreatmentPlanEntity> {
    return this.tx.manager.save(plan);
  }

  async insertVersion(
    version: Omit<TreatmentPlanVersionEntity, 'clinicId' | 'changedAt'>,
  ): Promise<TreatmentPlanVersionEntity> {
    const manager = this.tx.manager;
    return manager.save(
      manager.create(TreatmentPlanVersionEntity, { ...version, clinicId: this.tx.clinicId }),
    );
  }

  /** Erasure: a plan is health data about the client; its versions go with it (cascade). */
  async deleteOf(clientId: string): Promise<void> {
    await this.tx.manager.delete(TreatmentPlanEntity, { clinicId: this.tx.clinicId, clientId });
  }
}
