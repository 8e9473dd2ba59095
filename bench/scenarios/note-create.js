'use strict';
/**
 * 5: an acupuncturist writing up a session as a draft note for a client on their care team:
 * acupuncturists of several clinics, each with clients of their own care teams, at random.
 * Every request adds a draft note (and its access-log row) to the scale data set.
 */
const { pick, practitionersWithClients } = require('../lib/fixtures');

const CLINICS = 20;
const CLIENTS_PER_PRACTITIONER = 25;

/** Two days ago: in the past on every clinic's clock. */
const sessionDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

/** A typical draft; point codes in lower case, as typed, which both sides make canonical. */
const draft = JSON.stringify({
  discipline: 'acupuncture',
  sessionDate,
  content: {
    chiefComplaint: 'Tension headaches, three a week',
    tongue: { bodyColour: 'pale', coating: 'thin white' },
    pulse: { rate: 72, left: { guan: ['wiry'] }, right: { chi: ['deep', 'weak'] } },
    patterns: ['Liver qi stagnation'],
    points: [
      { code: 'st36', side: 'bilateral', retentionMinutes: 20 },
      { code: 'LI4', side: 'left', technique: 'even, de qi obtained' },
      { code: 'lr3', side: 'bilateral' },
    ],
    adjuncts: ['moxibustion'],
    response: 'Relaxed, headache eased during treatment',
  },
});

module.exports = {
  name: 'note-create',
  title: 'POST /clients/:id/session-notes (acupuncture draft) as a care-team acupuncturist',
  ceiling: 'note-create.js',
  target: { ratio: 0.7 },
  // From the server log of one request: BEGIN, set_config, the client locked, the care team
  // and break-the-glass grants (one statement), the clinic (its time zone), the note, the
  // access-log row, COMMIT. The ceiling: BEGIN, set_config, one query for the lock and the
  // facts, the note, the access-log row, COMMIT.
  statementsPerRequest: { app: 6, ceiling: 6 },
  async prepare(ctx) {
    const writes = [];
    const acupuncturists = await practitionersWithClients(ctx, {
      discipline: 'acupuncture',
      clinics: CLINICS,
      clientsEach: CLIENTS_PER_PRACTITIONER,
    });
    for (const { token, clientIds } of acupuncturists) {
      for (const clientId of clientIds) {
        writes.push({ token, path: `/api/v1/clients/${clientId}/session-notes` });
      }
    }
    const request = {
      method: 'POST',
      setupRequest: (req) => {
        const { token, path } = pick(writes);
        return {
          ...req,
          path,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: draft,
        };
      },
    };
    const sample = {
      ...writes[0],
      method: 'POST',
      body: draft,
      ignore: ['id', 'createdAt', 'updatedAt'],
    };
    return { app: { request }, ceiling: { request }, sample };
  },
};
