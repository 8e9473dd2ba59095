import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@meridian/db';
import { DataSource } from 'typeorm';

export interface RetentionReviewRow {
  id: string;
  clientId: string;
  clientNumber: number;
  lastChangedAt: Date;
  listedAt: Date;
}

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
      `SELECT r.id, r.client_id AS "clientId", c.client_number AS "clientNumber",
              r.last_changed_at AS "lastChangedAt", r.listed_at AS "listedAt"
       FROM retention_reviews r JOIN clients c ON c.clinic_id = r.clinic_id AND c.id = r.client_id
       WHERE r.clinic_id = $1 AND r.reviewed_at IS NULL
       ORDER BY r.last_changed_at, r.id
       LIMIT $2`,
      [this.tx.clinicId, limit],
    )) as RetentionReviewRow[];
  }
}
