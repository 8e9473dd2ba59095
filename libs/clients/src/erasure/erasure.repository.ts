import { Injectable } from '@nestjs/common';
import { decodeCursor, ISO_MILLIS_PATTERN, keysetPage, Page, UUID_PATTERN } from '@meridian/core';
import { TenantTransaction } from '@meridian/db';
import { ErasureRequestEntity, ErasureStatus } from '../erasure-request.entity';

@Injectable()
export class ErasureRepository {
  constructor(private readonly tx: TenantTransaction) {}

  async insert(
    request: Pick<ErasureRequestEntity, 'id' | 'clientId' | 'recordedBy'>,
  ): Promise<ErasureRequestEntity> {
    // Milliseconds, like the cursors that page through requests.
    const requestedAt = new Date();
    await this.tx.manager.query(
      `INSERT INTO erasure_requests (id, clinic_id, client_id, recorded_by, requested_at, deadline)
       VALUES ($1, $2, $3, $4, $5, ($5::timestamptz AT TIME ZONE 'UTC')::date + interval '3 months')`,
      [request.id, this.tx.clinicId, request.clientId, request.recordedBy, requestedAt],
    );
    return (await this.findById(request.id)) as ErasureRequestEntity;
  }

  async findById(id: string, lock = false): Promise<ErasureRequestEntity | null> {
    return this.tx.manager.findOne(ErasureRequestEntity, {
      where: { clinicId: this.tx.clinicId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async pendingFor(clientId: string): Promise<ErasureRequestEntity | null> {
    return this.tx.manager.findOne(ErasureRequestEntity, {
      where: { clinicId: this.tx.clinicId, clientId, status: 'pending' },
    });
  }

  async eraseReasons(clientId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE erasure_requests SET refusal_reason = '[erased with the client record]'
       WHERE clinic_id = $1 AND client_id = $2 AND refusal_reason IS NOT NULL`,
      [this.tx.clinicId, clientId],
    );
  }

  async save(request: ErasureRequestEntity): Promise<ErasureRequestEntity> {
    return this.tx.manager.save(request);
  }

  /** Newest first, keyset on (requested_at, id). */
  async list(
    status: ErasureStatus | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<ErasureRequestEntity>> {
    const query = this.tx.manager
      .createQueryBuilder(ErasureRequestEntity, 'r')
      .where('r.clinic_id = :clinicId', { clinicId: this.tx.clinicId })
      .orderBy('r.requested_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1);
    if (status) query.andWhere('r.status = :status', { status });
    if (cursor) {
      const [at, id] = decodeCursor(cursor, 2, [ISO_MILLIS_PATTERN, UUID_PATTERN]);
      query.andWhere('(r.requested_at, r.id) < (:at, :id)', { at, id });
    }
    const rows = await query.getMany();
    return keysetPage(rows, limit, (request) => [request.requestedAt.toISOString(), request.id]);
  }
}
