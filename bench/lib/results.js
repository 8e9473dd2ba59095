'use strict';
/** The table: printed, and written as bench/results/latest.json and latest.md. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RESULTS = path.join(__dirname, '..', 'results');

const ms = (value) => value.toFixed(1);

function verdict({ scenario, app, ceiling, extraTargets }) {
  const ratio = app.rps / ceiling.rps;
  const target = scenario.target;
  if (!target) return { ratio, targetText: 'reported', met: null };
  const parts = [];
  let met = true;
  if (target.ratio !== undefined) {
    parts.push(`≥ ${target.ratio.toFixed(2)}`);
    met = ratio >= target.ratio;
  }
  if (target.p99Factor) {
    parts.push(`p99 ≤ ${target.p99Factor}× ceiling`);
    met = met && app.p99 <= target.p99Factor * ceiling.p99;
  }
  // A latency target: the app's p95 within a factor of the bare one plus a fixed allowance.
  if (target.p95Factor) {
    const plusMs = target.p95PlusMs ?? 0;
    const limit = target.p95Factor * ceiling.p95 + plusMs;
    parts.push(
      `p95 ≤ ${target.p95Factor} × bare + ${plusMs} ms (app ${ms(app.p95)}, bare ${ms(ceiling.p95)}, limit ${ms(limit)})`,
    );
    met = met && app.p95 <= limit;
  }
  if (target.p95MaxMs) {
    parts.push(`p95 ≤ ${target.p95MaxMs} ms`);
    met = met && app.p95 <= target.p95MaxMs;
  }
  if (target.p99MaxMs) {
    parts.push(`p99 ≤ ${target.p99MaxMs} ms`);
    met = met && app.p99 <= target.p99MaxMs;
  }
  // Targets only the scenario can judge (another load's latency beside this one, say).
  for (const extra of extraTargets ?? []) {
    parts.push(extra.text);
    met = met && extra.met;
  }
  return { ratio, targetText: parts.join(', '), met };
}

/**
 * What a table cell cannot hold, a line per scenario that has it: how it is measured when not
 * as the intro says (`note`, and `extraNotes` a self-measuring scenario returns), and the SQL
 * statements each side runs per request.
 */
function notes(rows) {
  return rows.flatMap(({ scenario, extraNotes }) => {
    const lines = scenario.note ? [`- ${scenario.name}: ${scenario.note}`] : [];
    for (const line of extraNotes ?? []) lines.push(`- ${scenario.name}: ${line}`);
    if (scenario.statementsPerRequest) {
      const { app, ceiling } = scenario.statementsPerRequest;
      lines.push(
        `- ${scenario.name}: ${app} SQL statements per request in the app, ${ceiling} in the ceiling.`,
      );
    }
    return lines;
  });
}

function writeResults(rows, run) {
  const lines = rows.map((row) => {
    const { ratio, targetText, met } = verdict(row);
    return {
      scenario: row.scenario.name,
      title: row.scenario.title,
      appRps: Math.round(row.app.rps),
      ceilingRps: Math.round(row.ceiling.rps),
      ratio: Number(ratio.toFixed(2)),
      appP50: row.app.p50,
      appP95: Number(row.app.p95.toFixed(1)),
      appP99: row.app.p99,
      ceilingP95: Number(row.ceiling.p95.toFixed(1)),
      ceilingP99: row.ceiling.p99,
      statementsPerRequest: row.scenario.statementsPerRequest ?? null,
      appErrors: row.app.errors,
      ceilingErrors: row.ceiling.errors,
      target: targetText,
      met,
    };
  });
  const header =
    '| # | scenario | app req/s | ceiling req/s | ratio | app p50 / p99 ms | ceiling p99 ms | target | met |';
  const noteLines = notes(rows);
  const table = [
    header,
    '|---|---|---:|---:|---:|---:|---:|---|---|',
    ...lines.map(
      (l, i) =>
        `| ${i + 1} | ${l.scenario} | ${l.appRps} | ${l.ceilingRps} | ${l.ratio} | ${l.appP50} / ${l.appP99} | ${l.ceilingP99} | ${l.target} | ${
          l.met === null ? '—' : l.met ? 'yes' : 'no'
        } |`,
    ),
    ...(noteLines.length ? ['', ...noteLines] : []),
  ].join('\n');
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const intro = `Run ${new Date().toISOString()} on ${machine}: ${run.rounds} rounds of ${run.seconds} s per side, alternating, 50 connections, in ${run.minutes.toFixed(1)} min.`;
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS, 'latest.json'),
    `${JSON.stringify({ run: { ...run, machine }, results: lines }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), `# Benchmark\n\n${intro}\n\n${table}\n`);
  return `${intro}\n\n${table}`;
}

module.exports = { writeResults };
