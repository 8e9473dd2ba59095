'use strict';
/**
 * 4: a practitioner opening the record of a client on their care team: practitioners of
 * several clinics, each with clients of their own care teams, at random.
 */
const { pick, practitionersWithClients } = require('../lib/fixtures');

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
  statementsPerRequest: { app: 5, ceiling: 5 },
  async prepare(ctx) {
    const reads = [];
    const practitioners = await practitionersWithClients(ctx, {
      clinics: CLINICS,
      clientsEach: CLIENTS_PER_PRACTITIONER,
    });
    for (const { token, clientIds } of practitioners) {
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
