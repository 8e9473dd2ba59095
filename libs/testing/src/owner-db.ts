import { Client } from 'pg';

/**
 * Runs SQL as the database owner, outside row-level security: for seeding and for checking
 * what really is in a table, never for anything the application does itself.
 */
export async function asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Inserts a clinic directly and returns its id. */
export async function seedClinic(id: string, name = 'Test clinic'): Promise<string> {
  await asOwner((client) =>
    client.query(`INSERT INTO clinics (id, name, version) VALUES ($1, $2, 1)`, [id, name]),
  );
  return id;
}
