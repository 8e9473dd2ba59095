import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { DataSource } from 'typeorm';
import { RetentionReviewEntity } from './retention-review.entity';

export interface RetentionReviewRow extends Pick<
  RetentionReviewEntity,
  | 'id'
  | 'clientId'
  | 'lastChangedAt'
  | 'listedAt'
  | 'reviewedAt'
  | 'reviewedBy'
  | 'decision'
  | 'reason'
  | 'erasureRequestId'
> {
  clientNumber: number;
}

/** A review with the client number reception and admins know the record by. */
const REVIEW_ROW = `r.id, r.client_id AS "clientId", c.client_number AS "clientNumber",
  r.last_changed_at AS "lastChangedAt", r.listed_at AS "listedAt", r.reviewed_at AS "reviewedAt",
  r.reviewed_by AS "reviewedBy", r.decision, r.reason, r.erasure_request_id AS "erasureRequestId"
  FROM retention_reviews r JOIN clients c ON c.clinic_id = r.clinic_id AND c.id = r.client_id`;

/** Records due for a retention review. */
@Injectable()
export class RetentionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TenantTransaction,
  ) {}

  /**
   * Lists, across every clinic, the records unchanged for `years` (through the narrow
   * `retention_scan` function: see its migration). Returns how many were newly listed.
   */
  async scan(years: number): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT retention_scan(make_interval(years => $1)) AS listed`,
      [years],
    )) as { listed: number }[];
    return row.listed;
  }

  /** This clinic's open reviews, oldest change first. */
  async open(limit: number): Promise<RetentionReviewRow[]> {
    return (await this.tx.manager.query(
      `SELECT ${REVIEW_ROW}
       WHERE r.clinic_id = $1 AND r.reviewed_at IS NULL
       ORDER BY r.last_changed_at, r.id
       LIMIT $2`,
      [this.tx.clinicId, limit],
    )) as RetentionReviewRow[];
  }

  /** Every review of one client, for their export. */
  async ofClient(clientId: string): Promise<RetentionReviewRow[]> {
    return (await this.tx.manager.query(
      `SELECT ${REVIEW_ROW} WHERE r.clinic_id = $1 AND r.client_id = $2 ORDER BY r.listed_at, r.id`,
      [this.tx.clinicId, clientId],
    )) as RetentionReviewRow[];
  }

  /** One review, locked until the transaction ends so that two admins cannot both decide it. */
  async lock(id: string): Promise<RetentionReviewRow | null> {
    const [row] = (await this.tx.manager.query(
      `SELECT ${REVIEW_ROW} WHERE r.clinic_id = $1 AND r.id = $2 FOR UPDATE OF r`,
      [this.tx.clinicId, id],
    )) as RetentionReviewRow[];
    return row ?? null;
  }

  async decide(
    id: string,
    decision: Pick<RetentionReviewRow, 'reviewedBy' | 'decision' | 'reason' | 'erasureRequestId'>,
  ): Promise<void> {
    await this.tx.manager.query(
      `UPDATE retention_reviews
       SET reviewed_at = now(), reviewed_by = $3, decision = $4, reason = $5, erasure_request_id = $6
       WHERE clinic_id = $1 AND id = $2`,
      [
        this.tx.clinicId,
        id,
        decision.reviewedBy,
        decision.decision,
        decision.reason,
        decision.erasureRequestId,
      ],
    );
  }

  /** A retention reason may name the client's circumstances: it goes with the erasure. */
  async eraseReasons(clientId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE retention_reviews SET reason = '[erased with the client record]'
       WHERE clinic_id = $1 AND client_id = $2 AND reason IS NOT NULL`,
      [this.tx.clinicId, clientId],
    );
  }
}
