import { pendingSchemaChanges } from '@meridian/db';
import { Client } from 'pg';

const ownerUrl = () => process.env.DATABASE_URL as string;

describe('database schema', () => {
  it('has migrations that match the entities (generating one would change nothing)', async () => {
    const diff = await pendingSchemaChanges(ownerUrl());
    expect(diff.up).toEqual([]);
  });

  it('gives the application role no ownership and no way around row-level security', async () => {
    const owner = new Client({ connectionString: ownerUrl() });
    await owner.connect();
    try {
      const { rows: role } = await owner.query(
        `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'meridian_app'`,
      );
      expect(role).toEqual([
        { rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false },
      ]);
      const { rows: owned } = await owner.query(
        `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
         WHERE r.rolname = 'meridian_app'`,
      );
      expect(owned).toEqual([]);
      const { rows: unprotected } = await owner.query(
        `SELECT relname FROM pg_class
         WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
           AND relname <> 'migrations' AND NOT relrowsecurity`,
      );
      expect(unprotected).toEqual([]);
    } finally {
      await owner.end();
    }
  });

  it('forces row-level security with a clinic policy on every tenant table', async () => {
    const owner = new Client({ connectionString: ownerUrl() });
    await owner.connect();
    try {
      const { rows } = await owner.query(
        `SELECT c.relname AS table, c.relforcerowsecurity AS forced,
                EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
                        AND pg_get_expr(p.polqual, p.polrelid) LIKE '%current_clinic_id()%') AS policy
         FROM pg_class c
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
           AND (c.relname = 'clinics' OR EXISTS (SELECT 1 FROM pg_attribute a
                WHERE a.attrelid = c.oid AND a.attname = 'clinic_id' AND NOT a.attisdropped))
         ORDER BY c.relname`,
      );
      // The outbox and the access log are read across clinics by the owner's definer
      // functions, so their RLS is enabled but not forced (their migrations say why).
      const notForced = rows.filter((row) => !row.forced).map((row) => row.table);
      expect(notForced).toEqual(['audit_events', 'outbox']);
      const withoutPolicy = rows.filter((row) => !row.policy && row.table !== 'outbox');
      expect(withoutPolicy).toEqual([]);
      expect(rows.length).toBeGreaterThan(10);
    } finally {
      await owner.end();
    }
  });

  it('has the extensions the design relies on', async () => {
    const owner = new Client({ connectionString: ownerUrl() });
    await owner.connect();
    try {
      const { rows } = await owner.query(
        `SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'btree_gist', 'citext') ORDER BY extname`,
      );
      expect(rows.map((row) => row.extname)).toEqual(['btree_gist', 'citext', 'pg_trgm']);
    } finally {
      await owner.end();
    }
  });
});
