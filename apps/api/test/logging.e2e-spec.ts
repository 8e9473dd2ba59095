import { createTestApp, TestApp, waitFor } from '@meridian/testing';

describe('request logging', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOG_LEVEL: 'info' } });
  });
  afterAll(() => t.close());

  it('writes one JSON line per request with its id, and no credentials, bodies or query strings', async () => {
    await t
      .http()
      .post('/api/v1/nothing-here?search=Jansen')
      .set('authorization', 'Bearer secret-token-value')
      .set('cookie', 'session=secret-cookie-value')
      .set('x-request-id', 'log-test-1')
      .send({ diagnosis: 'coeliac disease' });

    // The line is written when the response finishes, which may be just after the client has it.
    const line = await waitFor(
      async () =>
        t.logs().find((entry) => (entry.req as { id?: string } | undefined)?.id === 'log-test-1'),
      { what: 'the request log line' },
    );
    expect(line).toBeDefined();
    expect(line).toMatchObject({
      req: { method: 'POST', path: '/api/v1/nothing-here' },
      res: { statusCode: 404 },
    });
    const all = JSON.stringify(t.logs());
    for (const secret of ['secret-token-value', 'secret-cookie-value', 'coeliac', 'Jansen']) {
      expect(all).not.toContain(secret);
    }
  });
});
