'use strict';
/**
 * Load with autocannon: a warm-up, then measured rounds that alternate between the app and
 * its ceiling, so that both see the same drift of a shared machine.
 */
const autocannon = require('autocannon');

const CONNECTIONS = 50;

/** The `share` percentile (nearest rank) of `values`, in their unit; 0 for none. */
function percentile(values, share) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

function once(target, seconds) {
  return new Promise((resolve, reject) => {
    // autocannon reports no p95 (p90, p97.5, p99 only) and keeps whole milliseconds: the
    // response times of successful requests are kept here to add one.
    const times = [];
    const instance = autocannon(
      {
        url: target.url,
        connections: target.connections ?? CONNECTIONS,
        duration: seconds,
        requests: [target.request],
        ...(target.overallRate ? { overallRate: target.overallRate } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        result.latency.p95 = percentile(times, 0.95);
        result.samples = times;
        resolve(result);
      },
    );
    instance.on('response', (client, status, bytes, milliseconds) => {
      if (status >= 200 && status < 300) times.push(milliseconds);
    });
  });
}

function summary(results) {
  const sum = (pick) => results.reduce((total, result) => total + pick(result), 0);
  const requests = sum((r) => r.requests.total);
  const seconds = sum((r) => r.duration);
  const errors = sum((r) => r.errors + r.timeouts + r.non2xx);
  return {
    rps: requests / seconds,
    // A round's percentiles, the worst round's: a pessimistic but honest figure.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p95: Math.max(...results.map((r) => r.latency.p95)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    requests,
    errors,
  };
}

/** Warm both up, then `rounds` measured rounds of each, alternating app and ceiling. */
async function compare(app, ceiling, { rounds, seconds, warmUpSeconds }) {
  await once(app, warmUpSeconds);
  if (ceiling) await once(ceiling, warmUpSeconds);
  const appResults = [];
  const ceilingResults = [];
  for (let round = 0; round < rounds; round++) {
    appResults.push(await once(app, seconds));
    if (ceiling) ceilingResults.push(await once(ceiling, seconds));
  }
  return { app: summary(appResults), ceiling: ceiling ? summary(ceilingResults) : null };
}

module.exports = { compare, once, percentile, summary, CONNECTIONS };
