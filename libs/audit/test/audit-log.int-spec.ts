import { INestApplicationContext, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  AuditAction,
  AuditEventRepository,
  AuditEventView,
  AuditLog,
  AuditModule,
} from '@meridian/audit';
import {
  Actor,
  CoreModule,
  encodeCursor,
  RequestContext,
  RequestErrorCode,
  RequestException,
} from '@meridian/core';
import { DbModule, NoTenantTransactionError, TenantTransaction } from '@meridian/db';
import { asOwner, seedClinic } from '@meridian/testing/owner-db';
import { CLS_ID, ClsModule, ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

interface AuditEventsRow {
  id: string;
  clinic_id: string | null;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_roles: string[];
  on_behalf_of: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  client_id: string | null;
  client_ids: string[] | null;
  outcome: string;
  purpose: string;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  seal_position: string | null;
  seal_hash: Buffer | null;
}

/** Every row a request left, read as the owner (who is not subject to row-level security). */
const rowsOf = (requestId: string) =>
  asOwner(async (owner) => {
    const { rows } = await owner.query<AuditEventsRow>(
      `SELECT * FROM audit_events WHERE request_id = $1 ORDER BY occurred_at, id`,
      [requestId],
    );
    return rows;
  });

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The access-log writer and reader against PostgreSQL, through the application role: what a
 * row holds, which transaction it belongs to, and what the database lets the role do with it.
 */
describe(AuditLog.name, () => {
  let app: INestApplicationContext;
  let audit: AuditLog;
  let events: AuditEventRepository;
  let tx: TenantTransaction;
  let cls: ClsService;
  let context: RequestContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      imports: [CoreModule, ClsModule.forRoot({ global: true }), DbModule, AuditModule],
    }).compile();
    app = await module.init();
    audit = app.get(AuditLog);
    events = app.get(AuditEventRepository);
    tx = app.get(TenantTransaction);
    cls = app.get(ClsService);
    context = app.get(RequestContext);
    dataSource = app.get(DataSource);
  });

  afterAll(() => app.close());

  /** Runs `work` as a request would: its own context with a request id, actor and origin. */
  function inRequest<T>(
    requestId: string,
    work: () => Promise<T>,
    who: { actor?: Actor; ip?: string; userAgent?: string } = {},
  ): Promise<T> {
    return cls.run(() => {
      cls.set(CLS_ID, requestId);
      if (who.actor) context.setActor(who.actor);
      context.setOrigin({ ip: who.ip, userAgent: who.userAgent });
      return work();
    });
  }

  const actorOf = (clinicId: string, roles = ['practitioner']): Actor => ({
    userId: uuidv7(),
    clinicId,
    roles,
    disciplines: ['acupuncture'],
    sessionId: uuidv7(),
    mfa: true,
  });

  it('writes as the application role, not as the owner', async () => {
    const [{ role }] = await dataSource.query(`SELECT current_user AS role`);
    expect(role).toBe('meridian_app');
  });

  it('records every field: actor and origin from the request context, the rest from the event', async () => {
    const clinicId = await seedClinic(uuidv7());
    const actor = actorOf(clinicId, ['practitioner', 'admin']);
    const [noteId, clientId, otherClientId, manager] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const requestId = `req-${uuidv7()}`;
    const userAgent = `Mozilla/5.0 (X11) ${'x'.repeat(600)}`;

    const before = Date.now();
    await inRequest(
      requestId,
      () =>
        tx.run(clinicId, () =>
          audit.record({
            action: AuditAction.Read,
            resourceType: 'session-note',
            resourceId: noteId,
            clientId,
            clientIds: [clientId, otherClientId],
            purpose: 'treatment',
            onBehalfOf: manager,
          }),
        ),
      { actor, ip: '203.0.113.7', userAgent },
    );

    const rows = await rowsOf(requestId);
    expect(rows).toEqual([
      {
        id: expect.stringMatching(UUID_V7),
        clinic_id: clinicId,
        occurred_at: expect.any(Date),
        actor_user_id: actor.userId,
        actor_roles: ['practitioner', 'admin'],
        on_behalf_of: manager,
        action: 'read',
        resource_type: 'session-note',
        resource_id: noteId,
        client_id: clientId,
        client_ids: [clientId, otherClientId],
        outcome: 'success',
        purpose: 'treatment',
        ip: '203.0.113.7',
        user_agent: userAgent.slice(0, 512),
        request_id: requestId,
        seal_position: null,
        seal_hash: null,
      },
    ]);
    expect(rows[0].occurred_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(rows[0].occurred_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('defaults to a successful administrative access and prefers an explicit actor', async () => {
    const clinicId = await seedClinic(uuidv7());
    const signedIn = actorOf(clinicId);
    const loggingIn = { userId: uuidv7(), roles: ['receptionist'] };
    const requestId = `req-${uuidv7()}`;

    await inRequest(
      requestId,
      () =>
        tx.run(clinicId, async () => {
          await audit.record({ action: AuditAction.Search, resourceType: 'user' });
          await audit.record({
            action: AuditAction.Login,
            resourceType: 'session',
            actor: loggingIn,
          });
          await audit.record({
            action: AuditAction.LoginFailed,
            resourceType: 'session',
            actor: null,
          });
        }),
      // Not an address inet accepts: dropped rather than failing the access it records.
      { actor: signedIn, ip: 'not-an-ip', userAgent: undefined },
    );

    const rows = await rowsOf(requestId);
    expect(rows.map((row) => [row.action, row.actor_user_id, row.actor_roles])).toEqual([
      ['search', signedIn.userId, ['practitioner']],
      ['login', loggingIn.userId, ['receptionist']],
      ['login-failed', null, []],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        outcome: 'success',
        purpose: 'administration',
        resource_id: null,
        client_id: null,
        client_ids: null,
        on_behalf_of: null,
        ip: null,
        user_agent: null,
        request_id: requestId,
      });
    }
  });

  it('refuses to record outside a tenant transaction', async () => {
    const requestId = `req-${uuidv7()}`;
    await expect(
      inRequest(requestId, () => audit.record({ action: AuditAction.Read, resourceType: 'user' })),
    ).rejects.toThrow(NoTenantTransactionError);
    await expect(audit.record({ action: AuditAction.Read, resourceType: 'user' })).rejects.toThrow(
      NoTenantTransactionError,
    );
    expect(await rowsOf(requestId)).toEqual([]);
  });

  it('loses an event with the transaction that rolls back, keeps one recorded separately', async () => {
    const clinicId = await seedClinic(uuidv7());
    const actor = actorOf(clinicId);
    const [clientId, userId] = [uuidv7(), uuidv7()];
    const requestId = `req-${uuidv7()}`;

    await expect(
      inRequest(
        requestId,
        () =>
          tx.run(clinicId, async () => {
            await audit.record({ action: AuditAction.Read, resourceType: 'client', clientId });
            await audit.recordSeparately(clinicId, {
              action: AuditAction.AccessDenied,
              resourceType: 'user',
              resourceId: userId,
              outcome: 'denied',
            });
            // A second separate event for no clinic, while this tenant transaction is active.
            await audit.recordSeparately(null, {
              action: AuditAction.LoginFailed,
              resourceType: 'session',
              outcome: 'denied',
            });
            throw new Error('refused');
          }),
        { actor, ip: '2001:db8::1', userAgent: 'curl/8' },
      ),
    ).rejects.toThrow('refused');

    const rows = await rowsOf(requestId);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          clinic_id: clinicId,
          action: 'access-denied',
          resource_type: 'user',
          resource_id: userId,
          outcome: 'denied',
          actor_user_id: actor.userId,
          ip: '2001:db8::1',
          user_agent: 'curl/8',
        }),
        expect.objectContaining({
          clinic_id: null,
          action: 'login-failed',
          outcome: 'denied',
          actor_user_id: actor.userId,
        }),
      ]),
    );
  });

  it('records a clinic-less event separately when no transaction is active', async () => {
    const requestId = `req-${uuidv7()}`;
    await inRequest(
      requestId,
      () =>
        audit.recordSeparately(null, {
          action: AuditAction.LoginFailed,
          resourceType: 'session',
          outcome: 'denied',
        }),
      { ip: '198.51.100.4' },
    );
    expect(await rowsOf(requestId)).toEqual([
      expect.objectContaining({
        clinic_id: null,
        actor_user_id: null,
        actor_roles: [],
        action: 'login-failed',
        ip: '198.51.100.4',
      }),
    ]);
  });

  it('swallows a failed separate write and logs it without the event', async () => {
    const clinicId = await seedClinic(uuidv7());
    const requestId = `req-${uuidv7()}`;
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        inRequest(
          requestId,
          () =>
            audit.recordSeparately(clinicId, {
              action: AuditAction.AccessDenied,
              resourceType: 'client',
              resourceId: 'not-a-uuid',
              outcome: 'denied',
            }),
          { ip: '192.0.2.55', userAgent: 'secret-agent/1' },
        ),
      ).resolves.toBeUndefined();
      expect(logged).toHaveBeenCalledTimes(1);
      const line = JSON.stringify(logged.mock.calls[0]);
      expect(line).toContain('22P02'); // invalid_text_representation
      for (const content of ['not-a-uuid', '192.0.2.55', 'secret-agent', clinicId, requestId]) {
        expect(line).not.toContain(content);
      }
    } finally {
      logged.mockRestore();
    }
    expect(await rowsOf(requestId)).toEqual([]);
  });

  it('lets the application role write a clinic-less event only with no clinic set', async () => {
    const clinicId = await seedClinic(uuidv7());
    const insert = `INSERT INTO audit_events (id, clinic_id, action, resource_type, outcome, purpose)
      VALUES ($1, $2, 'login-failed', 'session', 'denied', 'administration')`;

    // No clinic set: a clinic-less event passes, one claiming a clinic does not.
    await dataSource.transaction((manager) => manager.query(insert, [uuidv7(), null]));
    await expect(
      dataSource.transaction((manager) => manager.query(insert, [uuidv7(), clinicId])),
    ).rejects.toThrow(/row-level security/);
    // A clinic set: its own events pass, a clinic-less one does not.
    await tx.run(clinicId, () => tx.manager.query(insert, [uuidv7(), clinicId]));
    await expect(
      tx.run(clinicId, () => tx.manager.query(insert, [uuidv7(), null])),
    ).rejects.toThrow(/row-level security/);
  });

  it("does not let one clinic read another clinic's events, or clinic-less ones", async () => {
    const [clinicA, clinicB] = [await seedClinic(uuidv7()), await seedClinic(uuidv7())];
    const requestId = `req-${uuidv7()}`;
    await inRequest(requestId, async () => {
      await tx.run(clinicB, () =>
        audit.record({ action: AuditAction.Read, resourceType: 'client', clientId: uuidv7() }),
      );
      await audit.recordSeparately(null, {
        action: AuditAction.LoginFailed,
        resourceType: 'session',
      });
    });
    expect(await rowsOf(requestId)).toHaveLength(2);

    const visible = (clinicId?: string) => {
      const count = (run: (sql: string, params: unknown[]) => Promise<unknown>) =>
        run(`SELECT count(*)::int AS n FROM audit_events WHERE request_id = $1`, [requestId]);
      return clinicId
        ? tx.run(clinicId, () => count((sql, params) => tx.manager.query(sql, params)))
        : count((sql, params) => dataSource.query(sql, params));
    };
    expect(await visible(clinicA)).toEqual([{ n: 0 }]);
    expect(await visible(clinicB)).toEqual([{ n: 1 }]);
    expect(await visible()).toEqual([{ n: 0 }]);
    const listed = await tx.run(clinicA, () => events.list({}, { limit: 100 }));
    expect(listed.data.filter((event) => event.requestId === requestId)).toEqual([]);
  });

  it('refuses the application role UPDATE, DELETE and TRUNCATE, and writing the time or seal', async () => {
    const clinicId = await seedClinic(uuidv7());
    const requestId = `req-${uuidv7()}`;
    await inRequest(requestId, () =>
      tx.run(clinicId, () => audit.record({ action: AuditAction.Read, resourceType: 'client' })),
    );
    const [row] = await rowsOf(requestId);

    for (const sql of [
      `UPDATE audit_events SET action = 'delete' WHERE id = $1`,
      `DELETE FROM audit_events WHERE id = $1`,
      `INSERT INTO audit_events (id, clinic_id, occurred_at, action, resource_type, outcome, purpose)
       VALUES ($1, current_clinic_id(), now() - interval '1 year', 'read', 'client', 'success', 'administration')`,
      `INSERT INTO audit_events (id, clinic_id, action, resource_type, outcome, purpose, seal_position, seal_hash)
       VALUES ($1, current_clinic_id(), 'read', 'client', 'success', 'administration', 999999, '\\x00')`,
    ]) {
      const id = sql.startsWith('INSERT') ? uuidv7() : row.id;
      await expect(tx.run(clinicId, () => tx.manager.query(sql, [id]))).rejects.toThrow(
        /permission denied for table audit_events/,
      );
    }
    await expect(tx.run(clinicId, () => tx.manager.query(`TRUNCATE audit_events`))).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    expect(await rowsOf(requestId)).toEqual([row]);
  });

  describe('list', () => {
    const clinicId = uuidv7();
    const [alice, bob] = [uuidv7(), uuidv7()];
    const [client1, client2] = [uuidv7(), uuidv7()];
    interface Seeded {
      id: string;
      at: string;
      actor: string;
      action: string;
      clientId: string | null;
      clientIds: string[] | null;
    }
    const seeded: Seeded[] = [];

    /** Newest first, ties by id descending: the order the list promises. */
    const expectedOrder = (rows: Seeded[]) =>
      [...rows]
        .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1))
        .map((row) => row.id);

    async function all(
      filter: Parameters<AuditEventRepository['list']>[0],
      limit: number,
    ): Promise<{ ids: string[]; pages: number; views: AuditEventView[] }> {
      const views: AuditEventView[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await tx.run(clinicId, () => events.list(filter, { limit, cursor }));
        expect(page.data.length).toBeLessThanOrEqual(limit);
        views.push(...page.data);
        pages++;
        cursor = page.nextCursor ?? undefined;
      } while (cursor && pages < 100);
      return { ids: views.map((view) => view.id), pages, views };
    }

    beforeAll(async () => {
      await seedClinic(clinicId);
      const otherClinic = await seedClinic(uuidv7());
      // Times a microsecond apart (one JavaScript millisecond) and equal times, so a cursor
      // that rounded the time or ignored the id would skip or repeat events.
      const times = [
        '2026-03-01T09:00:00.000001Z',
        '2026-03-01T09:00:00.000002Z',
        '2026-03-01T09:00:00.000003Z',
        '2026-03-01T09:00:00.000003Z',
        '2026-03-01T09:00:00.000003Z',
        '2026-03-02T09:00:00.000000Z',
        '2026-03-03T09:00:00.500000Z',
        '2026-03-03T09:00:00.500000Z',
        '2026-03-04T23:59:59.999999Z',
        '2026-03-05T00:00:00.000000Z',
        '2026-03-06T12:00:00.000000Z',
      ];
      times.forEach((at, i) => {
        const search = i % 4 === 3;
        seeded.push({
          id: uuidv7(),
          at,
          actor: i % 3 === 0 ? alice : bob,
          action: search ? 'search' : i % 2 ? 'update' : 'read',
          clientId: search ? null : i % 2 ? client2 : client1,
          clientIds: search ? [client2, client1] : null,
        });
      });
      await asOwner(async (owner) => {
        for (const row of seeded) {
          await owner.query(
            `INSERT INTO audit_events (id, clinic_id, occurred_at, actor_user_id, actor_roles,
               action, resource_type, client_id, client_ids, outcome, purpose, ip, request_id)
             VALUES ($1, $2, $3, $4, '{practitioner}', $5, 'client', $6, $7, 'success',
               'treatment', '192.0.2.1', 'seeded')`,
            [row.id, clinicId, row.at, row.actor, row.action, row.clientId, row.clientIds],
          );
        }
        // Another clinic's event in the same period, by the same user id, about the same client.
        await owner.query(
          `INSERT INTO audit_events (id, clinic_id, occurred_at, actor_user_id, action,
             resource_type, client_id, outcome, purpose)
           VALUES ($1, $2, '2026-03-02T10:00:00Z', $3, 'read', 'client', $4, 'success', 'treatment')`,
          [uuidv7(), otherClinic, alice, client1],
        );
      });
    });

    it('returns the shape of an event, newest first', async () => {
      const page = await tx.run(clinicId, () => events.list({}, { limit: 1 }));
      const newest = seeded[seeded.length - 1];
      expect(page.data).toEqual([
        {
          id: newest.id,
          occurredAt: '2026-03-06T12:00:00.000Z',
          actorUserId: newest.actor,
          actorRoles: ['practitioner'],
          onBehalfOf: null,
          action: newest.action,
          resourceType: 'client',
          resourceId: null,
          clientId: newest.clientId,
          // The seeded ids name no client or note of this database.
          clientNumber: null,
          clientIds: newest.clientIds,
          outcome: 'success',
          purpose: 'treatment',
          ip: '192.0.2.1',
          userAgent: null,
          requestId: 'seeded',
          sealed: false,
          noteDiscipline: null,
        },
      ]);
      expect(page.nextCursor).toEqual(expect.any(String));
    });

    it.each([1, 2, 3, 5, 11, 50])(
      'pages through every event exactly once in order, %i at a time',
      async (limit) => {
        const { ids, pages } = await all({}, limit);
        expect(ids).toEqual(expectedOrder(seeded));
        expect(pages).toBe(Math.max(1, Math.ceil(seeded.length / limit)));
      },
    );

    it('filters by client, including the searches that returned the client', async () => {
      const { ids } = await all({ clientId: client1 }, 2);
      expect(ids).toEqual(
        expectedOrder(
          seeded.filter((row) => row.clientId === client1 || row.clientIds?.includes(client1)),
        ),
      );
      expect(ids.length).toBeGreaterThan(0);
    });

    it('filters by acting user and by action, and combines filters', async () => {
      expect((await all({ userId: alice }, 2)).ids).toEqual(
        expectedOrder(seeded.filter((row) => row.actor === alice)),
      );
      expect((await all({ action: AuditAction.Update }, 2)).ids).toEqual(
        expectedOrder(seeded.filter((row) => row.action === 'update')),
      );
      expect(
        (await all({ userId: bob, action: AuditAction.Read, clientId: client1 }, 1)).ids,
      ).toEqual(
        expectedOrder(
          seeded.filter(
            (row) => row.actor === bob && row.action === 'read' && row.clientId === client1,
          ),
        ),
      );
    });

    it('filters by period, from inclusive and to exclusive', async () => {
      const from = new Date('2026-03-02T09:00:00.000Z');
      const to = new Date('2026-03-05T00:00:00.000Z');
      const { ids } = await all({ from, to }, 2);
      expect(ids).toEqual(
        expectedOrder(
          seeded.filter(
            (row) => row.at >= '2026-03-02T09:00:00.000000Z' && row.at < '2026-03-05T00',
          ),
        ),
      );
      expect(ids).toHaveLength(4);
    });

    it.each([
      ['garbage', 'not a cursor'],
      ['a cursor with a time that is no time', encodeCursor(['yesterday', uuidv7()])],
      ['a cursor with an id that is no uuid', encodeCursor(['2026-03-01T09:00:00.000001Z', 'x'])],
      ['a cursor of another arity', encodeCursor(['2026-03-01T09:00:00.000001Z'])],
    ])('rejects %s as a validation error', async (_, cursor) => {
      const attempt = tx.run(clinicId, () => events.list({}, { limit: 5, cursor }));
      await expect(attempt).rejects.toBeInstanceOf(RequestException);
      await expect(attempt).rejects.toMatchObject({ code: RequestErrorCode.ValidationFailed });
    });
  });
});
