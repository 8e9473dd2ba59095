import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL as the record of scheduled work. Outbox rows carry the deterministic job id the
 * reconciler also derives; appointments record when their reminder is owed; `owed_jobs` lists,
 * across clinics, the jobs that committed state still owes (ids and times only), so that work
 * Redis lost is scheduled again. Also: a session note's appointment is a foreign key (one of
 * the same client's), and the escalation grace defaults to the 48 hours the design names.
 */
export class ScheduledWork1795600000019 implements MigrationInterface {
  name = 'ScheduledWork1795600000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox" ADD "job_id" text');
    await queryRunner.query(
      'ALTER TABLE "appointments" ADD "reminder_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query(
      'ALTER TABLE "clinics" ALTER COLUMN "escalation_grace_hours" SET DEFAULT \'48\'',
    );
    await queryRunner.query(
      'CREATE INDEX "follow_up_tasks_unescalated_idx" ON "follow_up_tasks"  ("due_at") WHERE status = \'open\' AND escalated_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "follow_up_tasks_unnotified_idx" ON "follow_up_tasks"  ("due_at") WHERE status = \'open\' AND notified_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "appointments_reminder_idx" ON "appointments"  ("reminder_at") WHERE reminder_at IS NOT NULL AND status = \'booked\'',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_pending_idx" ON "notifications"  ("created_at") WHERE status = \'pending\'',
    );
    await queryRunner.query(
      'CREATE INDEX "measurements_flagged_idx" ON "measurements"  ("created_at") WHERE cardinality(flags) > 0',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinic_id_client_id_id_key" UNIQUE ("clinic_id", "client_id", "id")',
    );
    await queryRunner.query(
      'ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_appointment_fkey" FOREIGN KEY ("appointment_id", "clinic_id", "client_id") REFERENCES "appointments"("id","clinic_id","client_id") ON DELETE SET NULL ("appointment_id") ON UPDATE NO ACTION',
    );
    // A signed note keeps its content; the links to a plan or appointment may only clear (the
    // plan or appointment erased), never point elsewhere.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION session_notes_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_user = 'meridian_app'
           AND (NEW.sealed_content, NEW.key_id) IS DISTINCT FROM (OLD.sealed_content, OLD.key_id) THEN
          RAISE EXCEPTION 'session note % is signed: only re-encryption may reseal it', OLD.id;
        END IF;
        IF (to_jsonb(NEW) - 'sealed_content' - 'key_id' - 'updated_at' - 'treatment_plan_id' - 'appointment_id')
             IS DISTINCT FROM
           (to_jsonb(OLD) - 'sealed_content' - 'key_id' - 'updated_at' - 'treatment_plan_id' - 'appointment_id')
           OR (NEW.treatment_plan_id IS NOT NULL
               AND NEW.treatment_plan_id IS DISTINCT FROM OLD.treatment_plan_id)
           OR (NEW.appointment_id IS NOT NULL
               AND NEW.appointment_id IS DISTINCT FROM OLD.appointment_id) THEN
          RAISE EXCEPTION 'session note % is signed: it takes addenda, not changes', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    // Ids, job names and times only: what the reconciler needs and nothing it could leak.
    // Reminders, due notices and escalations come within `horizon`; e-mails, flags and phase
    // reviews whose job already should have run come as soon as they are owed.
    await queryRunner.query(`
      CREATE FUNCTION owed_jobs(horizon interval)
        RETURNS TABLE (job_name text, payload jsonb, run_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT 'reminders.appointment',
               jsonb_build_object('clinicId', a.clinic_id, 'appointmentId', a.id,
                                  'remindAt', (extract(epoch FROM a.reminder_at) * 1000)::bigint),
               a.reminder_at
        FROM appointments a
        WHERE a.reminder_at IS NOT NULL AND a.status = 'booked' AND a.reminder_at < now() + horizon
        UNION ALL
        SELECT 'follow-ups.due',
               jsonb_build_object('clinicId', t.clinic_id, 'followUpId', t.id, 'version', t.version),
               t.due_at
        FROM follow_up_tasks t
        WHERE t.status = 'open' AND t.notified_at IS NULL AND t.due_at < now() + horizon
        UNION ALL
        SELECT 'follow-ups.escalate',
               jsonb_build_object('clinicId', t.clinic_id, 'followUpId', t.id, 'version', t.version,
                                  'graceHours', c.escalation_grace_hours),
               t.due_at + make_interval(hours => c.escalation_grace_hours)
        FROM follow_up_tasks t JOIN clinics c ON c.id = t.clinic_id
        WHERE t.status = 'open' AND t.escalated_at IS NULL AND t.due_at < now() + horizon
          AND t.due_at + make_interval(hours => c.escalation_grace_hours) < now() + horizon
        UNION ALL
        SELECT 'notifications.email-send',
               jsonb_build_object('clinicId', n.clinic_id, 'notificationId', n.id),
               NULL
        FROM notifications n
        WHERE n.status = 'pending'
        UNION ALL
        SELECT 'follow-ups.measurement-flagged',
               jsonb_build_object('clinicId', m.clinic_id, 'measurementId', m.id),
               NULL
        FROM measurements m
        WHERE cardinality(m.flags) > 0 AND m.created_at > now() - interval '7 days'
          AND NOT EXISTS (SELECT 1 FROM follow_up_tasks f
                          WHERE f.clinic_id = m.clinic_id AND f.source_key = 'self-harm:' || m.id)
        UNION ALL
        SELECT 'follow-ups.plan-phase-ending',
               jsonb_build_object('clinicId', p.clinic_id, 'treatmentPlanId', p.id,
                                  'phaseId', ph.phase->>'id', 'endsOn', ph.phase->>'endsOn'),
               ((ph.phase->>'endsOn')::date + time '08:00') AT TIME ZONE c.time_zone
        FROM treatment_plans p
        JOIN clinics c ON c.id = p.clinic_id
        CROSS JOIN LATERAL jsonb_array_elements(p.phases) AS ph(phase)
        WHERE p.status = 'active'
          AND (ph.phase->>'endsOn')::date >= (now() AT TIME ZONE c.time_zone)::date
          AND ((ph.phase->>'endsOn')::date + time '08:00') AT TIME ZONE c.time_zone < now() + horizon
          AND NOT EXISTS (SELECT 1 FROM follow_up_tasks f
                          WHERE f.clinic_id = p.clinic_id
                            AND f.source_key = 'plan-phase-end:' || p.id || ':' || (ph.phase->>'id')
                                               || ':' || (ph.phase->>'endsOn'))
      $$`);
    await queryRunner.query('REVOKE EXECUTE ON FUNCTION owed_jobs(interval) FROM PUBLIC');
    await queryRunner.query('GRANT EXECUTE ON FUNCTION owed_jobs(interval) TO meridian_app');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION owed_jobs(interval)');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION session_notes_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_user = 'meridian_app'
           AND (NEW.sealed_content, NEW.key_id) IS DISTINCT FROM (OLD.sealed_content, OLD.key_id) THEN
          RAISE EXCEPTION 'session note % is signed: only re-encryption may reseal it', OLD.id;
        END IF;
        IF (to_jsonb(NEW) - 'sealed_content' - 'key_id' - 'updated_at' - 'treatment_plan_id')
             IS DISTINCT FROM
           (to_jsonb(OLD) - 'sealed_content' - 'key_id' - 'updated_at' - 'treatment_plan_id')
           OR (NEW.treatment_plan_id IS NOT NULL
               AND NEW.treatment_plan_id IS DISTINCT FROM OLD.treatment_plan_id) THEN
          RAISE EXCEPTION 'session note % is signed: it takes addenda, not changes', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'ALTER TABLE "session_notes" DROP CONSTRAINT "session_notes_appointment_fkey"',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" DROP CONSTRAINT "appointments_clinic_id_client_id_id_key"',
    );
    await queryRunner.query('DROP INDEX "public"."measurements_flagged_idx"');
    await queryRunner.query('DROP INDEX "public"."notifications_pending_idx"');
    await queryRunner.query('DROP INDEX "public"."appointments_reminder_idx"');
    await queryRunner.query('DROP INDEX "public"."follow_up_tasks_unnotified_idx"');
    await queryRunner.query('DROP INDEX "public"."follow_up_tasks_unescalated_idx"');
    await queryRunner.query(
      'ALTER TABLE "clinics" ALTER COLUMN "escalation_grace_hours" SET DEFAULT \'24\'',
    );
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "job_id"');
    await queryRunner.query('ALTER TABLE "appointments" DROP COLUMN "reminder_at"');
  }
}
