import { Injectable } from '@nestjs/common';
import { decodeCursor, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { ClinicScaleEntity } from './clinic-scale.entity';
import { MeasurementEntity } from './measurement.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The clinic's scales and its clients' measurements, in the current tenant transaction. */
@Injectable()
export class OutcomesRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async scales(): Promise<ClinicScaleEntity[]> {
    return this.tx.manager.find(ClinicScaleEntity, {
      where: { clinicId: this.tx.clinicId },
      order: { code: 'ASC' },
    });
  }

  async scale(code: string): Promise<ClinicScaleEntity | null> {
    return this.tx.manager.findOneBy(ClinicScaleEntity, { clinicId: this.tx.clinicId, code });
  }

  /** Null when the code is taken (the unique constraint decides, so two admins cannot race). */
  async insertScale(
    scale: Omit<ClinicScaleEntity, 'clinicId' | 'createdAt'>,
  ): Promise<ClinicScaleEntity | null> {
    const rows = (await this.tx.manager.query(
      `INSERT INTO clinic_scales (id, clinic_id, code, name, unit, min_value, max_value, direction,
                                  meaningful_change, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (clinic_id, code) DO NOTHING
       RETURNING id`,
      [
        scale.id,
        this.tx.clinicId,
        scale.code,
        scale.name,
        scale.unit,
        scale.minValue,
        scale.maxValue,
        scale.direction,
        scale.meaningfulChange,
        scale.createdBy,
      ],
    )) as { id: string }[];
    return rows.length
      ? this.tx.manager.findOneByOrFail(ClinicScaleEntity, { id: scale.id })
      : null;
  }

  async insertMeasurement(
    measurement: Omit<MeasurementEntity, 'clinicId' | 'createdAt'>,
  ): Promise<MeasurementEntity> {
    const manager = this.tx.manager;
    return manager.save(
      manager.create(MeasurementEntity, { ...measurement, clinicId: this.tx.clinicId }),
    );
  }

  async measurement(id: string): Promise<MeasurementEntity | null> {
    return this.tx.manager.findOneBy(MeasurementEntity, { clinicId: this.tx.clinicId, id });
  }

  /** Whether `planId` is a treatment plan of the client (the link's foreign key says the same). */
  async isPlanOf(clientId: string, planId: string): Promise<boolean> {
    const rows = (await this.tx.manager.query(
      `SELECT 1 FROM treatment_plans WHERE clinic_id = $1 AND client_id = $2 AND id = $3`,
      [this.tx.clinicId, clientId, planId],
    )) as unknown[];
    return rows.length > 0;
  }

  /** A client's measurements, newest first (taken on, then id), keyset-paginated. */
  async measurements(
    clientId: string,
    filter: { instrument?: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<MeasurementEntity>> {
    const query = this.tx.manager
      .createQueryBuilder(MeasurementEntity, 'm')
      .where('m.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('m.client_id = :clientId', { clientId })
      .orderBy('m.taken_on', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(limit + 1);
    if (filter.instrument) query.andWhere('m.instrument = :instrument', filter);
    if (cursor) {
      const [takenOn, id] = decodeCursor(cursor, 2, [DATE, UUID_PATTERN]);
      query.andWhere('(m.taken_on, m.id) < (:takenOn, :id)', { takenOn, id });
    }
    const rows = await query.getMany();
    return keysetPage(rows, limit, (row) => [row.takenOn, row.id]);
  }

  /** Every measurement of a client, oldest first: for the export and progress series. */
  async allOf(clientId: string, instruments?: readonly string[]): Promise<MeasurementEntity[]> {
    const query = this.tx.manager
      .createQueryBuilder(MeasurementEntity, 'm')
      .where('m.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .andWhere('m.client_id = :clientId', { clientId })
      .orderBy('m.taken_on', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (instruments) query.andWhere('m.instrument = ANY(:instruments)', { instruments });
    return query.getMany();
  }

  /** Erasure: measurements are health data about the client and go entirely. */
  async deleteOf(clientId: string): Promise<void> {
    await this.tx.manager.delete(MeasurementEntity, { clinicId: this.tx.clinicId, clientId });
  }
}
