import { TcpProxy, TestApp, createTestApp, waitFor } from '@meridian/testing';

/**
 * Readiness follows the dependencies: PostgreSQL and Redis are reached through proxies the
 * test cuts and restores, as if the servers stopped and started, while the app keeps running.
 */
describe('health probes', () => {
  let t: TestApp;
  let postgres: TcpProxy;
  let redis: TcpProxy;

  beforeAll(async () => {
    postgres = await new TcpProxy('127.0.0.1', 5432).start();
    redis = await new TcpProxy('127.0.0.1', 6379).start();
    const appUrl = new URL(process.env.DATABASE_URL as string);
    appUrl.username = 'meridian_app';
    t = await createTestApp({
      env: {
        DATABASE_APP_URL: postgres.rewrite(appUrl.toString()),
        REDIS_URL: redis.rewrite(process.env.REDIS_URL as string),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await postgres.stop();
    await redis.stop();
  });

  const ready = () => t.http().get('/health/ready');
  /** Waits until readiness answers `status`; returns that response. */
  const readyAnswers = (status: number) =>
    waitFor(
      async () => {
        const response = await ready();
        return response.status === status ? response : undefined;
      },
      { timeoutMs: 10000, what: `ready to answer ${status}` },
    );

  it('is live and ready while both dependencies answer', async () => {
    expect((await t.http().get('/health/live')).body).toEqual({ status: 'ok' });
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.body.details).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
    });
  });

  it('turns 503 when PostgreSQL goes away and 200 again when it is back, without a restart', async () => {
    await postgres.stop();
    const down = await readyAnswers(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({
      code: 'SERVICE.UNAVAILABLE',
      checks: { database: { status: 'down' } },
    });
    expect((await t.http().get('/health/live')).status).toBe(200);

    await postgres.start();
    await readyAnswers(200);
  });

  it('turns 503 when Redis goes away and 200 again when it is back', async () => {
    await redis.stop();
    const down = await readyAnswers(503);
    expect(down.body.checks).toMatchObject({
      redis: { status: 'down' },
      database: { status: 'up' },
    });

    await redis.start();
    await readyAnswers(200);
  });
});
