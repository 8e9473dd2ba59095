'use strict';
/**
 * 4: a practitioner opening the record of a client on their care team: practitioners of
 * several clinics, each with clients of their own care teams, at random.
 */
const { pick } = require('../lib/fixtures');

const CLINICS = 20;
const CLIENTS_PER_PRACTITIONER = 25;

module.exports = {
  name: 'client-get',
  title: 'GET /clients/:id as a care-team practitioner',
  ceiling: 'client-get.js',
  target: { ratio: 0.7 },
  // From the server log of one request: BEGIN, set_config, the client, the care team and
  // break-the-glass grants (one statement), the access-log row, COMMIT; the ceiling asks the
  // client and its ties as one.
  statementsPerRequest: { app: 6, ceiling: 5 },
  async prepare(ctx) {
    const { rows } = await ctx.db.query(
      `WITH practitioner AS (
         SELECT DISTINCT ON (u.clinic_id) u.clinic_id, u.id, u.email
         FROM users u
         WHERE 'practitioner' = ANY (u.roles) AND u.status = 'active'
           AND EXISTS (SELECT 1 FROM care_team_members m
                       WHERE m.clinic_id = u.clinic_id AND m.user_id = u.id)
         ORDER BY u.clinic_id, u.email
         LIMIT $1)
       SELECT p.email, array(
         SELECT m.client_id FROM care_team_members m
         WHERE m.clinic_id = p.clinic_id AND m.user_id = p.id
         ORDER BY m.client_id LIMIT $2) AS "clientIds"
       FROM practitioner p`,
      [CLINICS, CLIENTS_PER_PRACTITIONER],
    );
    const reads = [];
    for (const { email, clientIds } of rows) {
      const token = await ctx.login(email);
      for (const clientId of clientIds) reads.push({ token, path: `/api/v1/clients/${clientId}` });
    }
    const request = {
      method: 'GET',
      setupRequest: (req) => {
        const { token, path } = pick(reads);
        return { ...req, path, headers: { authorization: `Bearer ${token}` } };
      },
    };
    return { app: { request }, ceiling: { request }, sample: reads[0] };
  },
};
