import { Test } from '@nestjs/testing';
import { ClientsRepository, nameSearchQuery } from '@meridian/clients/clients.repository';
import { AppConfig, CoreModule, validateConfig } from '@meridian/core';
import { DbModule, TenantTransaction } from '@meridian/db';
import { asOwner } from '@meridian/testing';
import { ClsModule } from 'nestjs-cls';
import { v7 as uuid } from 'uuid';

const FIRST = [
  'jan',
  'sanne',
  'pieter',
  'emma',
  'daan',
  'julia',
  'lucas',
  'sophie',
  'finn',
  'tess',
  'bram',
  'lotte',
  'sem',
  'lisa',
  'noah',
  'anna',
  'milan',
  'eva',
  'thijs',
  'fleur',
];
const LAST = [
  'de jong',
  'jansen',
  'de vries',
  'van den berg',
  'van dijk',
  'bakker',
  'janssen',
  'visser',
  'smit',
  'meijer',
  'de boer',
  'mulder',
  'de groot',
  'bos',
  'vos',
  'peters',
  'hendriks',
  'van leeuwen',
  'dekker',
  'brouwer',
];

/**
 * Finding a client in a second at 100,000 clients in one clinic: the search uses the trigram
 * index (no sequential scan) and ranks the misspelled name's client first.
 */
describe('client search at 100,000 clients', () => {
  let tx: TenantTransaction;
  let clients: ClientsRepository;
  let close: () => Promise<void>;
  const clinicId = uuid();
  const neighbourId = uuid();
  const targetId = uuid();

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [CoreModule, ClsModule.forRoot({ global: true }), DbModule],
      providers: [ClientsRepository],
    })
      .overrideProvider(AppConfig)
      .useValue(validateConfig(process.env))
      .compile();
    const app = await module.init();
    close = () => app.close();
    tx = app.get(TenantTransaction);
    clients = app.get(ClientsRepository);
    await asOwner(async (owner) => {
      await owner.query(
        `INSERT INTO clinics (id, name, version) VALUES ($1, 'Big', 1), ($2, 'Neighbour', 1)`,
        [clinicId, neighbourId],
      );
      const generate = (clinic: string, count: number, offset: number) =>
        owner.query(
          `INSERT INTO clients (id, clinic_id, client_number, first_name, last_name, date_of_birth, version)
           SELECT gen_random_uuid(), $1, i + $3, ($4::text[])[1 + i % 20], ($5::text[])[1 + (i / 20) % 20] || ' ' || (i % 997),
                  date '1940-01-01' + (i % 25000), 1
           FROM generate_series(1, $2) AS i`,
          [clinic, count, offset, FIRST, LAST],
        );
      await generate(clinicId, 100_000, 0);
      await generate(neighbourId, 1_000, 0);
      await owner.query(
        `INSERT INTO clients (id, clinic_id, client_number, first_name, last_name, date_of_birth, version)
         VALUES ($1, $2, 100001, 'Annelies', 'Brouwershaven', '1984-03-02', 1),
                ($3, $4, 1001, 'Annelies', 'Brouwershaven', '1984-03-02', 1)`,
        [targetId, clinicId, uuid(), neighbourId],
      );
      await owner.query(`ANALYZE clients`);
    });
  }, 120_000);
  afterAll(() => close());

  it('ranks a partial, misspelled name’s client first, within its own clinic only', async () => {
    const page = await tx.run(clinicId, () =>
      clients.searchByName('anelies brouwershavn', { status: 'active' }, 10),
    );
    expect(page.data[0].id).toBe(targetId);
    expect(page.data.every((client) => client.clinicId === clinicId)).toBe(true);
    const partial = await tx.run(clinicId, () =>
      clients.searchByName('brouwersh', { status: 'active' }, 10),
    );
    expect(partial.data[0].id).toBe(targetId);
  });

  it('pages through matches by cursor without repeats', async () => {
    const first = await tx.run(clinicId, () =>
      clients.searchByName('sanne jansen', { status: 'active' }, 20),
    );
    expect(first.nextCursor).not.toBeNull();
    const second = await tx.run(clinicId, () =>
      clients.searchByName('sanne jansen', { status: 'active' }, 20, first.nextCursor as string),
    );
    const ids = [...first.data, ...second.data].map((client) => client.id);
    expect(new Set(ids).size).toBe(40);
  });

  it('walks every page to exactly the matches of one long page, with a practitioner filter too', async () => {
    for (const name of ['bakker', 'jnasen']) {
      const whole = await tx.run(clinicId, () =>
        clients.searchByName(name, { status: 'active' }, 100),
      );
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const next = await tx.run(clinicId, () =>
          clients.searchByName(name, { status: 'active' }, 10, cursor),
        );
        walked.push(...next.data.map((client) => client.id));
        if (!next.nextCursor) break;
        cursor = next.nextCursor;
      }
      expect(walked).toEqual(whole.data.map((client) => client.id));
    }
    const { sql } = nameSearchQuery(
      clinicId,
      'bakker',
      { status: 'active', practitionerId: uuid() },
      10,
    );
    expect(sql).toContain('care_team_members');
  });

  it('uses the trigram index, not a sequential scan', async () => {
    const { sql, params } = nameSearchQuery(
      clinicId,
      'anelies brouwershavn',
      { status: 'active' },
      51,
    );
    const plan = await tx.run(clinicId, async () => {
      const [row] = await tx.manager.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
      return row['QUERY PLAN'][0];
    });
    const text = JSON.stringify(plan);
    expect(text).toContain('clients_search_name_trgm_idx');
    expect(text).not.toContain('Seq Scan');
    // Its execution time is for the benchmark to measure, not for a test to assert.
    expect(plan['Execution Time']).toEqual(expect.any(Number));
  });
});
