import type { TestUser } from '@meridian/testing';
import type { WebSuite } from './suite';

/** Sets up a client's chart through the API, as the clinic's colleagues would have. */
export async function prepareChart(
  suite: WebSuite,
  clientId: string,
  team: { user: TestUser; discipline: string }[],
): Promise<void> {
  const admin = await suite.as(suite.clinic.admin);
  const put = await suite
    .api()
    .put(`/api/v1/clients/${clientId}/care-team`)
    .set(admin)
    .send({ members: team.map(({ user, discipline }) => ({ userId: user.id, discipline })) });
  expect(put.status).toBe(200);
  const consent = await suite
    .api()
    .post(`/api/v1/clients/${clientId}/consents`)
    .set(await suite.as(suite.clinic.reception))
    .send({ type: 'treatment', method: 'paper' });
  expect(consent.status).toBe(201);
}

/** A signed note written through the API by `user`. */
export async function signedNote(
  suite: WebSuite,
  user: TestUser,
  clientId: string,
  discipline: string,
  sessionDate: string,
  content: Record<string, unknown>,
): Promise<string> {
  const auth = await suite.as(user);
  const created = await suite
    .api()
    .post(`/api/v1/clients/${clientId}/session-notes`)
    .set(auth)
    .send({ discipline, sessionDate, content });
  expect(created.status).toBe(201);
  const signed = await suite
    .api()
    .post(`/api/v1/session-notes/${created.body.id}/sign`)
    .set(auth)
    .send({});
  expect(signed.status).toBe(200);
  return created.body.id;
}
