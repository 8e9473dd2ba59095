'use strict';
/**
 * 6: managers asking for a report of the past year, measured as latency: one request at a
 * time, the five reports (ungrouped) in turn at random, by managers of several clinics.
 */
const { pick, staffTokens } = require('../lib/fixtures');

const CLINICS = 10;
const REPORTS = ['appointments', 'clients', 'follow-ups', 'treatment-plans', 'outcomes'];

/**
 * The last twelve whole months, as a manager asks for "the past year" (outcomes and treatment
 * plans are asked in whole months: from the first of a month to the last of one).
 */
function pastYear(now = new Date()) {
  const thisMonth = now.toISOString().slice(0, 7);
  const to = new Date(Date.parse(`${thisMonth}-01T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  const from = `${Number(thisMonth.slice(0, 4)) - 1}-${thisMonth.slice(5, 7)}-01`;
  return { from, to };
}

module.exports = {
  name: 'reports',
  title: 'GET /reports/<each> over a clinic-year as a manager, latency',
  ceiling: 'reports.js',
  target: { p95Factor: 1.2, p95PlusMs: 2, p95MaxMs: 100 },
  note: 'latency, one request at a time (1 connection); p95 over every successful response, the worst round’s.',
  // BEGIN, set_config, the clinic (its time zone), the report, the access-log row, COMMIT.
  statementsPerRequest: { app: 6, ceiling: 6 },
  async prepare(ctx) {
    const tokens = await staffTokens(ctx, 'manager', CLINICS);
    const { from, to } = pastYear();
    const path = (report) => `/api/v1/reports/${report}?from=${from}&to=${to}`;
    const request = {
      method: 'GET',
      setupRequest: (req) => ({
        ...req,
        path: path(pick(REPORTS)),
        headers: { authorization: `Bearer ${pick(tokens)}` },
      }),
    };
    const sample = { path: path('outcomes'), token: tokens[0], ignore: ['generatedAt'] };
    return {
      app: { request, connections: 1 },
      ceiling: { request, connections: 1 },
      sample,
    };
  },
};
