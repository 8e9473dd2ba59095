import { asOwner, TestApp } from '@meridian/testing';
import { randomUUID } from 'node:crypto';
import { createProbeApp } from './support/probe-app';

describe('Idempotency-Key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createProbeApp();
  });
  afterAll(() => t.close());

  /** POST /probes, with an Idempotency-Key when one is given. */
  const postProbe = (key: string | undefined, body: object) => {
    const request = t.http().post('/api/v1/probes');
    return (key === undefined ? request : request.set('idempotency-key', key)).send(body);
  };

  const rowsNamed = (name: string) =>
    asOwner(async (db) => {
      const { rows } = await db.query(`SELECT id FROM clinics WHERE name = $1`, [name]);
      return rows.map((row) => row.id as string);
    });

  it('returns the first response to a retry with the same key and body, acting once', async () => {
    const key = randomUUID();
    const name = `idem-${key}`;
    const first = await postProbe(key, { name });
    const retry = await postProbe(key, { name });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await rowsNamed(name)).toEqual([first.body.id]);
  });

  it('refuses the same key with another body with 422, acting not at all', async () => {
    const key = randomUUID();
    await postProbe(key, { name: `a-${key}` });
    const other = await postProbe(key, { name: `b-${key}` });

    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
    expect(await rowsNamed(`b-${key}`)).toEqual([]);
  });

  it('acts once when the same request races itself', async () => {
    const key = randomUUID();
    const name = `race-${key}`;
    const responses = await Promise.all(Array.from({ length: 5 }, () => postProbe(key, { name })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses).toContain(201);
    expect(await rowsNamed(name)).toHaveLength(1);
  });

  it('releases the key when the request fails, so a corrected retry runs', async () => {
    const key = randomUUID();
    const invalid = await postProbe(key, { name: '' });
    expect(invalid.status).toBe(400);
    const corrected = await postProbe(key, { name: `ok-${key}` });
    expect(corrected.status).toBe(201);
    expect(await rowsNamed(`ok-${key}`)).toHaveLength(1);
  });

  it('refuses a key that is too long with 400 naming the header', async () => {
    const response = await postProbe('k'.repeat(256), { name: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'Idempotency-Key', message: expect.any(String) },
    ]);
  });

  it('runs each request without a key', async () => {
    const name = `nokey-${randomUUID()}`;
    await postProbe(undefined, { name });
    await postProbe(undefined, { name });
    expect(await rowsNamed(name)).toHaveLength(2);
  });
});
