import { asOwner, TestApp } from '@meridian/testing';
import { createProbeApp } from './support/probe-app';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createProbeApp({ CORS_ORIGINS: 'https://app.clinic.test', THROTTLE_LIMIT: '1000' });
  });
  afterAll(() => t.close());

  const countProbes = (name: string) =>
    asOwner(async (db) => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM clinics WHERE name = $1`, [
        name,
      ]);
      return rows[0].n as number;
    });

  describe('bad input', () => {
    it('answers malformed JSON with 400 problem+json and stores nothing', async () => {
      const response = await t
        .http()
        .post('/api/v1/probes')
        .set('content-type', 'application/json')
        .send('{"a":');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({
        status: 400,
        code: 'REQUEST.MALFORMED_BODY',
        title: 'Bad Request',
      });
    });

    it('names every invalid and unknown field, nested ones by path, and stores nothing', async () => {
      const response = await t
        .http()
        .post('/api/v1/probes')
        .send({ name: 'invalid-fields', count: 11, when: { date: 'yesterday' }, clinicId: 'x' });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.code).toBe('REQUEST.VALIDATION_FAILED');
      const fields = response.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['clinicId', 'count', 'when.date']);
      expect(response.body.errors).toContainEqual({
        field: 'clinicId',
        message: 'is not a known field',
      });
      expect(await countProbes('invalid-fields')).toBe(0);
    });

    it('refuses a body over 1 MB with 413', async () => {
      const response = await t
        .http()
        .post('/api/v1/probes')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.code).toBe('REQUEST.BODY_TOO_LARGE');
    });

    it('refuses a body that is not JSON with 415', async () => {
      const response = await t
        .http()
        .post('/api/v1/probes')
        .set('content-type', 'text/plain')
        .send('name=x');
      expect(response.status).toBe(415);
      expect(response.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers an unknown route with 404 problem+json', async () => {
      const response = await t.http().get('/api/v1/nothing-here');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 404, code: 'REQUEST.ROUTE_NOT_FOUND' });
    });
  });

  it('creates through the whole stack: 201 with the stored row', async () => {
    const response = await t.http().post('/api/v1/probes').send({ name: 'created-probe' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), name: 'created-probe' });
    expect(await countProbes('created-probe')).toBe(1);
  });

  it('answers an unexpected failure with a bare 500: no message, no stack', async () => {
    const response = await t.http().get('/api/v1/probes/boom');
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toEqual({
      type: 'urn:meridian:problem:service.internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
      code: 'SERVICE.INTERNAL_ERROR',
    });
    expect(response.text).not.toContain('10.0.0.7');
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('sends security headers and no-store on every response, errors included', async () => {
    for (const path of [
      '/api/v1/probes/ping',
      '/api/v1/nothing-here',
      '/health/live',
      '/api/v1/clients/%E0%A4%A',
    ]) {
      const response = await t.http().get(path);
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['cache-control']).toContain('no-store');
    }
  });

  it('answers a path with a malformed %-escape 400 problem+json, as any other bad request', async () => {
    const response = await t.http().get('/api/v1/clients/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_URL' });
  });

  it('echoes a safe X-Request-Id and replaces an unsafe one', async () => {
    const echoed = await t.http().get('/api/v1/probes/ping').set('x-request-id', 'req-abc.123');
    expect(echoed.headers['x-request-id']).toBe('req-abc.123');
    for (const unsafe of ['<script>alert(1)</script>', 'x'.repeat(200), 'two words']) {
      const replaced = await t.http().get('/api/v1/probes/ping').set('x-request-id', unsafe);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('allows CORS only for configured origins', async () => {
    const allowed = await t
      .http()
      .get('/api/v1/probes/ping')
      .set('origin', 'https://app.clinic.test');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.clinic.test');
    const other = await t.http().get('/api/v1/probes/ping').set('origin', 'https://evil.test');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limiting', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Counters of its own, untouched by the other suites' requests.
    t = await createProbeApp({
      THROTTLE_LIMIT: '3',
      THROTTLE_TTL_SECONDS: '60',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}:throttling`,
    });
  });
  afterAll(() => t.close());

  it('answers 429 problem+json past the limit, and never limits the health probes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.http().get('/api/v1/probes/ping')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.http().get('/api/v1/probes/ping');
    expect(limited.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(limited.body.code).toBe('REQUEST.RATE_LIMITED');
    for (let i = 0; i < 5; i++) expect((await t.http().get('/health/live')).status).toBe(200);
  });
});
