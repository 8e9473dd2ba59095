import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/** Erasure requests and their decisions, and the mark an executed erasure leaves on a client. */
export class ErasureRequests1795600000009 implements MigrationInterface {
  name = 'ErasureRequests1795600000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "erasure_requests" ("id" uuid NOT NULL, "clinic_id" uuid NOT NULL, "client_id" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid NOT NULL, "deadline" date NOT NULL, "status" text NOT NULL DEFAULT 'pending', "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "refusal_reason" text, CONSTRAINT "erasure_requests_clinic_id_id_key" UNIQUE ("clinic_id", "id"), CONSTRAINT "erasure_requests_decision_check" CHECK ((status = 'pending') = (decided_at IS NULL) AND (status <> 'refused' OR refusal_reason IS NOT NULL)), CONSTRAINT "erasure_requests_status_check" CHECK (status IN ('pending', 'refused', 'executed')), CONSTRAINT "erasure_requests_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "erasure_requests_clinic_id_status_deadline_idx" ON "erasure_requests"  ("clinic_id", "status", "deadline") `,
    );
    await queryRunner.query(`ALTER TABLE "clients" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_client_fkey" FOREIGN KEY ("client_id", "clinic_id") REFERENCES "clients"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_recorded_by_fkey" FOREIGN KEY ("recorded_by", "clinic_id") REFERENCES "users"("id","clinic_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await enableTenantRls(queryRunner, 'erasure_requests');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "erasure_requests" DROP CONSTRAINT "erasure_requests_recorded_by_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "erasure_requests" DROP CONSTRAINT "erasure_requests_client_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "clients" DROP COLUMN "erased_at"`);
    await queryRunner.query(`DROP INDEX "public"."erasure_requests_clinic_id_status_deadline_idx"`);
    await queryRunner.query(`DROP TABLE "erasure_requests"`);
  }
}
