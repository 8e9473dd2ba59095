import { Test } from '@nestjs/testing';
import { nameSearchQuery } from '@meridian/clients/client-queries';
import { ClientsRepository } from '@meridian/clients/clients.repository';
import { AppConfig, CoreModule, validateConfig } from '@meridian/core';
import { DbModule, TenantTransaction } from '@meridian/db';
import { asOwner } from '@meridian/testing';
import { ClsModule } from 'nestjs-cls';
import { v7 as uuid } from 'uuid';

/** Common Dutch and Dutch-Turkish/Moroccan first names: the most common first. */
const FIRST =
  `jan sanne pieter emma daan julia lucas sophie finn tess bram lotte sem lisa noah anna milan
  eva thijs fleur anouk bas carlijn dirk els femke gert hanna iris joost karin lars marieke niels
  olga paul quinten roos stijn tamara ursula vincent wendy xander yvonne zoë ahmed fatima mohamed
  yasmin kevin linda marco nicole patrick sandra tom wouter ingrid henk gerrit willem cor mieke ria
  joke bert erik maarten ruud sjoerd tjitske wietske hendrik jacob jeroen koen laura manon nina rik
  sara tim vera wim youssef zeynep mehmet elif`.split(/\s+/);
/** Surnames are built from these, as Dutch ones are: a particle, a root, a suffix, an ending. */
const PARTICLES = ['', '', '', 'van ', 'de ', 'van der ', 'van den ', 'ter '];
const ROOTS =
  `jan brou de van smit bak vis mei mul groot bos vos pet hen leeu dek koe wil kui ver hoek
  dijk berg stra hof kamp veld meer broek zand`.split(/\s+/);
const SUFFIXES =
  `sen wer ker ser er ers man ma ling driks wen stra ing huis kes ter boom ink land horst beek
  haven meijer burg ven bosch weg steen vliet hout`.split(/\s+/);
const ENDINGS = ['', '', '', '', '', 's', 'er', 'ink', 'a', 'e'];

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
      // Names drawn as a clinic sees them: thousands of surnames, a few common (the most
      // common about 0.3 %, like "de Jong" in the Netherlands) and a long tail of rare ones.
      // Deterministic: the "random" numbers are hashes of the row number.
      const generate = (clinic: string, count: number, offset: number) =>
        owner.query(
          `WITH draws AS (
             SELECT i,
                    (hashtext(i || 'f') & 2147483647) / 2147483648.0 AS f,
                    (hashtext(i || 'p') & 7) AS p,
                    floor(exp((hashtext(i || 'l') & 2147483647) / 2147483648.0 * ln(9000 + 30)) - 30)::int AS l
             FROM generate_series(1, $2) AS i)
           INSERT INTO clients (id, clinic_id, client_number, first_name, last_name, date_of_birth, version)
           SELECT gen_random_uuid(), $1, i + $3,
                  ($4::text[])[1 + greatest(0, floor(exp(f * ln(90 + 10)) - 10)::int) % cardinality($4)],
                  ($5::text[])[1 + p] || ($6::text[])[1 + greatest(l, 0) % 30]
                    || ($7::text[])[1 + (greatest(l, 0) / 30) % 30] || ($8::text[])[1 + greatest(l, 0) / 900],
                  date '1940-01-01' + (i % 25000), 1
           FROM draws`,
          [clinic, count, offset, FIRST, PARTICLES, ROOTS, SUFFIXES, ENDINGS],
        );
      await generate(clinicId, 100_000, 0);
      await generate(neighbourId, 1_000, 0);
      await owner.query(
        `INSERT INTO clients (id, clinic_id, client_number, first_name, last_name, date_of_birth, version)
         VALUES ($1, $2, 100001, 'Annelies', 'Brouwershaven', '1984-03-02', 1),
                ($3, $4, 1001, 'Annelies', 'Brouwershaven', '1984-03-02', 1)`,
        [targetId, clinicId, uuid(), neighbourId],
      );
      await owner.query(`ANALYZE clients, client_name_words, client_name_vocabulary`);
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

  it('ranks a full-name match above first- or last-name matches, and catches transposed letters', async () => {
    const full = await tx.run(clinicId, () =>
      clients.searchByName('sanne jansen', { status: 'active' }, 5),
    );
    expect(full.data[0].firstName).toBe('sanne');
    expect(full.data[0].lastName).toMatch(/(^| )jansen$/);
    const transposed = await tx.run(clinicId, () =>
      clients.searchByName('jnasen', { status: 'active' }, 5),
    );
    expect(transposed.data[0].lastName).toMatch(/(^| )jansen$/);
  });

  it('keeps the name index exact through renames and archiving', async () => {
    const search = (name: string, status: 'active' | 'archived' = 'active') =>
      tx.run(clinicId, async () =>
        (await clients.searchByName(name, { status }, 5)).data.map((client) => client.id),
      );
    const vocabulary = (word: string) =>
      tx.run(clinicId, async () => {
        const [row] = await tx.manager.query(
          `SELECT count(*)::int AS n FROM client_name_vocabulary WHERE word = $1`,
          [word],
        );
        return row.n as number;
      });
    const update = (set: string) =>
      asOwner((owner) => owner.query(`UPDATE clients SET ${set} WHERE id = $1`, [targetId]));

    await update(`last_name = 'Zwartkop'`);
    expect(await search('zwartkop')).toEqual([targetId]);
    expect(await search('brouwershaven')).not.toContain(targetId);
    // The only client of this clinic with that word: it leaves the vocabulary with them.
    expect(await vocabulary('brouwershaven')).toBe(0);

    await update(`status = 'archived'`);
    expect(await search('zwartkop')).toEqual([]);
    expect(await search('zwartkop', 'archived')).toEqual([targetId]);

    await update(`status = 'active', last_name = 'Brouwershaven'`);
    expect(await search('brouwershaven')).toContain(targetId);
    expect(await vocabulary('zwartkop')).toBe(0);
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
    expect(text).toContain('client_name_vocabulary_trgm_idx');
    expect(text).not.toContain('Seq Scan');
    // Its execution time is for the benchmark to measure, not for a test to assert.
    expect(plan['Execution Time']).toEqual(expect.any(Number));
  });
});
