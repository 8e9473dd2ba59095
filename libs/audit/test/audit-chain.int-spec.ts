import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  AuditAction,
  AuditEventRepository,
  AuditLog,
  AuditModule,
  verifyAuditChain,
} from '@meridian/audit';
import { CoreModule } from '@meridian/core';
import { DbModule, TenantTransaction } from '@meridian/db';
import { asOwner, seedClinic } from '@meridian/testing/owner-db';
import { createHash } from 'node:crypto';
import { ClsModule } from 'nestjs-cls';
import { v7 as uuidv7 } from 'uuid';

interface Link {
  id: string;
  position: number;
  hash: Buffer;
  digest: Buffer;
}

const GENESIS = Buffer.alloc(32);
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

/** The sealed links from `after` on, in chain order, read as the owner. */
const linksAfter = (after: number) =>
  asOwner(async (owner) => {
    const { rows } = await owner.query<{
      id: string;
      position: string;
      hash: Buffer;
      digest: Buffer;
    }>(
      `SELECT id, seal_position AS position, seal_hash AS hash, audit_event_digest(e) AS digest
       FROM audit_events e WHERE seal_position > $1 ORDER BY seal_position`,
      [after],
    );
    return rows.map((row): Link => ({ ...row, position: Number(row.position) }));
  });

/** The chain's head (0 and 32 zero bytes when nothing is sealed yet). */
const head = () =>
  asOwner(async (owner) => {
    const { rows } = await owner.query<{ position: string; hash: Buffer }>(
      `SELECT seal_position AS position, seal_hash AS hash FROM audit_events
       WHERE seal_position IS NOT NULL ORDER BY seal_position DESC LIMIT 1`,
    );
    return rows.length
      ? { position: Number(rows[0].position), hash: rows[0].hash }
      : { position: 0, hash: GENESIS };
  });

const verify = () => asOwner((owner) => verifyAuditChain(owner));

/**
 * Tampers with the chain as the owner from `position` on (a statement with the position as $1),
 * runs `check`, and puts every row from `position` on back exactly as it was (seals included),
 * so the chain is intact for whatever runs next.
 */
async function tampered<T>(position: number, tamper: string, check: () => Promise<T>): Promise<T> {
  const saved = await asOwner(async (owner) => {
    const { rows } = await owner.query<{ id: string; row: string }>(
      `SELECT id, row_to_json(e)::text AS row FROM audit_events e WHERE seal_position >= $1`,
      [position],
    );
    return rows;
  });
  try {
    await asOwner((owner) => owner.query(tamper, [position]));
    return await check();
  } finally {
    await asOwner(async (owner) => {
      await owner.query(`DELETE FROM audit_events WHERE id = ANY($1::uuid[])`, [
        saved.map((row) => row.id),
      ]);
      for (const { row } of saved) {
        await owner.query(
          `INSERT INTO audit_events SELECT * FROM json_populate_record(NULL::audit_events, $1)`,
          [row],
        );
      }
    });
  }
}

/**
 * The hash chain: the worker's sealing through the application role, and verification as the
 * owner. The database is shared with the other test files of this Jest worker, so the tests
 * seal whatever is pending first and reason about positions relative to the head.
 */
describe('access log hash chain', () => {
  let app: INestApplicationContext;
  let audit: AuditLog;
  let events: AuditEventRepository;
  let tx: TenantTransaction;
  let clinicId: string;

  /** Records `count` events in the test clinic, each in a transaction of its own. */
  async function record(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await tx.run(clinicId, () =>
        audit.record({ action: AuditAction.Read, resourceType: 'client', clientId: uuidv7() }),
      );
    }
  }

  async function sealAll(): Promise<void> {
    let sealed: number;
    do sealed = await events.seal(1000);
    while (sealed > 0);
  }

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [CoreModule, ClsModule.forRoot({ global: true }), DbModule, AuditModule],
    }).compile();
    app = await module.init();
    audit = app.get(AuditLog);
    events = app.get(AuditEventRepository);
    tx = app.get(TenantTransaction);
    clinicId = await seedClinic(uuidv7());
    await sealAll();
  });

  afterAll(() => app.close());

  it('seals pending events into consecutive positions, oldest first, each hashed onto the last', async () => {
    const before = await head();
    await record(4);
    // A clinic-less event belongs to the same chain.
    await audit.recordSeparately(null, {
      action: AuditAction.LoginFailed,
      resourceType: 'session',
    });

    expect(await events.seal(100)).toBe(5);

    const links = await linksAfter(before.position);
    expect(links.map((link) => link.position)).toEqual(
      [1, 2, 3, 4, 5].map((n) => before.position + n),
    );
    const byTime = await asOwner(async (owner) => {
      const { rows } = await owner.query<{ id: string }>(
        `SELECT id FROM audit_events WHERE seal_position > $1 ORDER BY occurred_at, id`,
        [before.position],
      );
      return rows.map((row) => row.id);
    });
    expect(links.map((link) => link.id)).toEqual(byTime);
    let previous = before.hash;
    for (const link of links) {
      expect(link.hash.equals(sha256(previous, link.digest))).toBe(true);
      previous = link.hash;
    }

    // The whole chain, whoever wrote into it: positions 1..N without a gap.
    const [span] = await asOwner(async (owner) => {
      const { rows } = await owner.query(
        `SELECT count(*)::int AS count, min(seal_position)::int AS first, max(seal_position)::int AS last
         FROM audit_events WHERE seal_position IS NOT NULL`,
      );
      return rows;
    });
    expect(span).toEqual({ count: span.last, first: 1, last: before.position + 5 });
  });

  it('seals only new events on a second call, in batches of the size asked', async () => {
    await sealAll();
    expect(await events.seal(100)).toBe(0);
    const before = await head();
    const sealedBefore = await linksAfter(0);

    await record(3);
    expect(await events.seal(2)).toBe(2);
    expect(await events.seal(2)).toBe(1);
    expect(await events.seal(2)).toBe(0);

    const after = await linksAfter(0);
    expect(after.slice(0, sealedBefore.length)).toEqual(sealedBefore);
    expect(after.slice(sealedBefore.length).map((link) => link.position)).toEqual([
      before.position + 1,
      before.position + 2,
      before.position + 3,
    ]);
  });

  it('lets concurrent sealers take turns without forking the chain', async () => {
    await record(20);
    const sealed = await Promise.all([1, 2, 3, 4, 5].map(() => events.seal(7)));
    expect(sealed.reduce((sum, n) => sum + n, 0)).toBe(20);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('shows sealed events as sealed in the list', async () => {
    await record(1);
    const unsealed = await tx.run(clinicId, () => events.list({}, { limit: 1 }));
    expect(unsealed.data[0].sealed).toBe(false);
    await sealAll();
    const sealed = await tx.run(clinicId, () => events.list({}, { limit: 1 }));
    expect(sealed.data[0]).toMatchObject({ id: unsealed.data[0].id, sealed: true });
  });

  it('verifies an intact chain and counts the events not sealed yet', async () => {
    await sealAll();
    const { position } = await head();
    expect(await verify()).toEqual({ ok: true, sealed: position, unsealed: 0 });
    await record(2);
    expect(await verify()).toEqual({ ok: true, sealed: position, unsealed: 2 });
    await sealAll();
    expect(await verify()).toEqual({ ok: true, sealed: position + 2, unsealed: 0 });
  });

  describe('after the owner tampers with a sealed event', () => {
    let middle: Link;
    let next: Link;

    beforeAll(async () => {
      await record(5);
      await sealAll();
      const links = await linksAfter((await head()).position - 5);
      [middle, next] = [links[2], links[3]];
    });

    afterEach(async () => {
      // Every tampering is undone: the chain is whole again.
      expect(await verify()).toMatchObject({ ok: true });
    });

    it.each([
      ['its action', `UPDATE audit_events SET action = 'delete' WHERE seal_position = $1`],
      [
        'its time, by one microsecond',
        `UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE seal_position = $1`,
      ],
      [
        'its clinic',
        `UPDATE audit_events SET clinic_id = gen_random_uuid() WHERE seal_position = $1`,
      ],
      [
        'its actor roles',
        `UPDATE audit_events SET actor_roles = '{admin}' WHERE seal_position = $1`,
      ],
      ['its client', `UPDATE audit_events SET client_id = NULL WHERE seal_position = $1`],
      [
        'its search results, NULL to empty',
        `UPDATE audit_events SET client_ids = '{}' WHERE seal_position = $1`,
      ],
      [
        'its user agent, NULL to empty',
        `UPDATE audit_events SET user_agent = '' WHERE seal_position = $1`,
      ],
      ['its IP address', `UPDATE audit_events SET ip = '10.0.0.1' WHERE seal_position = $1`],
      ['its request id', `UPDATE audit_events SET request_id = 'forged' WHERE seal_position = $1`],
      [
        'its seal',
        `UPDATE audit_events SET seal_hash = sha256(seal_hash) WHERE seal_position = $1`,
      ],
    ])('reports the event altered when the owner changes %s', async (_, tamper) => {
      const report = await tampered(middle.position, tamper, verify);
      expect(report).toEqual({
        ok: false,
        position: middle.position,
        eventId: middle.id,
        reason: 'altered',
      });
    });

    it('reports the position of a deleted event as missing, naming the event after the gap', async () => {
      const report = await tampered(
        middle.position,
        `DELETE FROM audit_events WHERE seal_position = $1`,
        verify,
      );
      expect(report).toEqual({
        ok: false,
        position: middle.position,
        eventId: next.id,
        reason: 'missing',
      });
    });

    it('reports a deleted event missing even when the owner rehashed the chain after it', async () => {
      // Deletes the event and recomputes every later link: every hash checks out, the gap stays.
      const rehash = `WITH RECURSIVE
        deleted AS (DELETE FROM audit_events WHERE seal_position = $1 RETURNING id),
        start AS (SELECT seal_hash FROM audit_events WHERE seal_position = $1 - 1),
        relinked (position, hash) AS (
          SELECT $1::bigint, (SELECT seal_hash FROM start)
          UNION ALL
          SELECT e.seal_position, sha256(r.hash || audit_event_digest(e))
          FROM relinked r JOIN audit_events e ON e.seal_position = r.position + 1
        )
        UPDATE audit_events e SET seal_hash = r.hash
        FROM relinked r WHERE e.seal_position = r.position AND r.position > $1`;
      const report = await tampered(middle.position, rehash, verify);
      expect(report).toEqual({
        ok: false,
        position: middle.position,
        eventId: next.id,
        reason: 'missing',
      });
    });

    it('reports position 1 missing when the first event is deleted', async () => {
      const [, second] = await linksAfter(0);
      const report = await tampered(1, `DELETE FROM audit_events WHERE seal_position = $1`, verify);
      expect(report).toEqual({ ok: false, position: 1, eventId: second.id, reason: 'missing' });
    });
  });
});
