'use strict';
/**
 * Ceiling of `POST /api/v1/auth/login`: a bare argon2id verify loop behind `node:http`, the
 * same library and stored hash as the app (the pinned parameters), at the app's concurrency:
 * as many verifications at once as `PASSWORD_HASH_CONCURRENCY` lets the app run. What the
 * app's login costs beyond that is its own: the lookups, the throttle, the session row, the
 * access log, the tokens.
 */
const http = require('node:http');
const argon2 = require('@node-rs/argon2');

const hash = process.env.LOGIN_HASH;
const concurrency = Number(process.env.PASSWORD_HASH_CONCURRENCY);
let running = 0;
const waiting = [];

/** `argon2.verify`, at most `concurrency` at once, the rest in the order they came. */
async function verify(password) {
  if (running < concurrency) running++;
  else await new Promise((resolve) => waiting.push(resolve));
  try {
    return await argon2.verify(hash, password);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

http
  .createServer((request, response) => {
    // The benchmark's readiness probe.
    if (request.method !== 'POST') return response.end();
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      const { password } = JSON.parse(Buffer.concat(chunks).toString());
      const valid = await verify(password);
      response.writeHead(valid ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ valid }));
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
