'use strict';
/**
 * 8: `POST /auth/login` (argon2id at the pinned parameters) under load, while scenario 2 (the
 * client list as reception) runs beside it at a fixed rate: login throughput against a bare
 * verify loop, and how much the list's p99 suffers from the hashing next to it.
 */
const path = require('node:path');
const children = require('../lib/children');
const { once, percentile, summary } = require('../lib/load');
const clientsPage = require('./clients-page');

const CEILING_PORT = 3814;
/** The list's fixed rate beside the logins: a busy reception desk of a clinic chain. */
const LIST_RATE = 40;
const LIST_CONNECTIONS = 10;
/** Accounts the logins cycle through, staff without a second factor. */
const ACCOUNTS = 200;

module.exports = {
  name: 'login',
  title: 'POST /auth/login beside scenario 2 at a fixed rate',
  target: { ratio: 0.85 },
  async measure(ctx, opts) {
    const startedAt = new Date();
    const { rows: accounts } = await ctx.db.query(
      `SELECT email FROM users
       WHERE status = 'active' AND roles && ARRAY['receptionist', 'practitioner']
         AND NOT 'admin' = ANY (roles)
       ORDER BY email LIMIT $1`,
      [ACCOUNTS],
    );
    const {
      rows: [{ hash }],
    } = await ctx.db.query(`SELECT password_hash AS hash FROM users WHERE email = $1`, [
      accounts[0].email,
    ]);
    const password = require(
      path.join(__dirname, '../../dist/apps/worker/apps/worker/src/seed/scale/seed-scale.js'),
    ).SCALE_PASSWORD;
    let next = 0;
    const login = {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ email: accounts[next++ % accounts.length].email, password }),
      }),
    };
    const list = (await clientsPage.prepare(ctx)).app.request;
    const listLoad = {
      url: ctx.appUrl,
      request: list,
      connections: LIST_CONNECTIONS,
      overallRate: LIST_RATE,
    };

    const ceiling = children.start(
      'login ceiling',
      path.join(__dirname, '../ceilings/login-verify.js'),
      {
        PORT: String(CEILING_PORT),
        LOGIN_HASH: hash,
      },
    );
    try {
      const ceilingUrl = `http://127.0.0.1:${CEILING_PORT}`;
      await children.waitForHttp(ceilingUrl, 'the login ceiling');
      const app = { url: ctx.appUrl, request: login };
      const bare = { url: ceilingUrl, request: login };
      await once(app, opts.warmUpSeconds);
      await once(bare, opts.warmUpSeconds);
      const quiet = [];
      const beside = [];
      const logins = [];
      const verifies = [];
      for (let round = 0; round < opts.rounds; round++) {
        quiet.push(await once(listLoad, opts.seconds));
        const [loginRound, listRound] = await Promise.all([
          once(app, opts.seconds),
          once(listLoad, opts.seconds),
        ]);
        logins.push(loginRound);
        beside.push(listRound);
        verifies.push(await once(bare, opts.seconds));
      }
      // The list's rounds are small (its fixed rate): its percentiles are taken over all of
      // its responses together, not per round, where one hiccup would be the p99.
      const pooled = (rounds) => {
        const samples = rounds.flatMap((round) => round.samples);
        return {
          p50: Math.round(percentile(samples, 0.5)),
          p99: Math.round(percentile(samples, 0.99)),
          errors: summary(rounds).errors,
        };
      };
      const quietList = pooled(quiet);
      const besideList = pooled(beside);
      return {
        app: summary(logins),
        ceiling: summary(verifies),
        extraTargets: [
          {
            text: `list p99 beside ≤ 2× quiet (${besideList.p99} vs ${quietList.p99} ms)`,
            met: besideList.p99 <= 2 * quietList.p99,
          },
        ],
        extraNotes: [
          `logins of ${accounts.length} staff accounts in turn, 50 connections; the client list beside them at ${LIST_RATE} req/s over ${LIST_CONNECTIONS} connections: p50 / p99 ${quietList.p50} / ${quietList.p99} ms alone, ${besideList.p50} / ${besideList.p99} ms beside the logins (${besideList.errors} errors).`,
        ],
      };
    } finally {
      await children.stop(ceiling);
      // Each login opened a session; the data set keeps none of them.
      await ctx.db.query(`DELETE FROM sessions WHERE created_at >= $1`, [startedAt]);
    }
  },
};
