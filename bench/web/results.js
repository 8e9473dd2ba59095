'use strict';
/** The web table: printed, and written as bench/results/web-latest.json and web-latest.md. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RESULTS = path.join(__dirname, '..', 'results');

function machineNote() {
  const cpus = os.cpus();
  const chromium = (() => {
    try {
      return require('node:child_process')
        .execFileSync('/usr/bin/chromium', ['--version'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        })
        .trim();
    } catch {
      return 'Chromium';
    }
  })();
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${chromium}, Lighthouse ${require('lighthouse/package.json').version}`;
}

/** `rows`: { name, title, figure, target, met, values, notes[] } per measured target. */
function writeWebResults(rows, run) {
  const machine = machineNote();
  // A shared machine: what else ran shows in the load average, and in the timings.
  const load = `load average ${run.loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`;
  const intro = `Run ${new Date().toISOString()} on ${machine} (${load}), in ${run.minutes.toFixed(1)} min; the API built and served as by \`npm start\`, on the scale data set (${run.dataSet}).`;
  const verdict = (met) => (met === null ? '—' : met ? 'yes' : 'no');
  const table = [
    '| # | measure | figure | target | met |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r, i) => `| ${i + 1} | ${r.title} | ${r.figure} | ${r.target} | ${verdict(r.met)} |`,
    ),
  ].join('\n');
  const notes = rows.flatMap((r) => r.notes.map((note) => `- ${r.name}: ${note}`));
  const findings = run.findings.map((line) => `- ${line}`);
  const text = [
    intro,
    '',
    table,
    '',
    ...notes,
    ...(findings.length ? ['', 'Where the misses come from:', '', ...findings] : []),
  ].join('\n');
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS, 'web-latest.json'),
    `${JSON.stringify(
      {
        run: { ...run, machine, at: new Date().toISOString() },
        results: rows.map(({ name, title, figure, target, met, values, notes: n }) => ({
          name,
          title,
          figure,
          target,
          met,
          values,
          notes: n,
        })),
      },
      null,
      2,
    )}\n`,
  );
  fs.writeFileSync(path.join(RESULTS, 'web-latest.md'), `# Web benchmark\n\n${text}\n`);
  return text;
}

module.exports = { writeWebResults };
