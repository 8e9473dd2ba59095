import { QueryRunner } from 'typeorm';

/**
 * The pattern every tenant table repeats (design section 3): row-level security enabled and
 * forced, and one policy letting a transaction see and write only the rows of the clinic in
 * its `app.clinic_id`.
 */
export async function enableTenantRls(
  queryRunner: QueryRunner,
  ...tables: string[]
): Promise<void> {
  for (const table of tables) {
    await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY ${table}_tenant ON ${table}
      USING (clinic_id = current_clinic_id()) WITH CHECK (clinic_id = current_clinic_id())`);
  }
}
