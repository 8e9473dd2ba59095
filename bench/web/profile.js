'use strict';
/**
 * Where the page's main thread spends a window of time: V8's sampling CPU profiler over
 * DevTools, samples kept only inside windows given on the page's own `performance.now()` clock,
 * self time summed per function, each function mapped through the build's source maps to its
 * module and original name. Chromium's profile and Node's `process.hrtime` read the same
 * monotonic clock on Linux, and one `performance.now()` read from here ties the page's clock
 * to it (to within the read's round trip, about a millisecond).
 */
const { packageOf, sourceMapper } = require('./attribution');

const INTERVAL_US = 200;

async function startProfiling(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  await cdp.send('Profiler.start');
  return {
    /** Stops; returns the samples (µs on the monotonic clock) and where the page's clock is. */
    async stop() {
      const before = process.hrtime.bigint();
      const pageNow = await page.evaluate(() => performance.now());
      const after = process.hrtime.bigint();
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      const readAtUs = Number((before + after) / 2n) / 1000;
      return { profile, pageZeroUs: readAtUs - pageNow * 1000 };
    },
  };
}

/**
 * Self time per function (ms) inside `windows` ([from, to] in page ms) of `recorded` profiles,
 * of the build in `webDir`.
 */
async function hotFunctions(recorded, webDir) {
  const map = await sourceMapper(webDir);
  const byFunction = new Map();
  const byPackage = new Map();
  let total = 0;
  for (const { profile, pageZeroUs, windows } of recorded) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map();
    for (const node of profile.nodes) {
      for (const child of node.children ?? []) parents.set(child, node.id);
    }
    /** A script's frame, named through the source maps, or null for the browser's own. */
    const scriptFrame = (frame) => {
      if (!frame.url) return null;
      const mapped = map(frame);
      return mapped
        ? {
            label: `${mapped.name ?? frame.functionName ?? '(anonymous)'} (${mapped.module.replace(/^node_modules\//, '')}:${mapped.line})`,
            group: packageOf(mapped.module),
          }
        : {
            label: `${frame.functionName || '(anonymous)'} (${frame.url.split('/').at(-1)})`,
            group: `${frame.url.split('/').at(-1)} (not mapped)`,
          };
    };
    /** The browser's own work (a layout forced by a script, say) named with its script caller. */
    const describeNode = (id) => {
      const frame = nodes.get(id).callFrame;
      const own = scriptFrame(frame);
      if (own) return own;
      const name = frame.functionName || '(native)';
      if (name.startsWith('(')) return { label: name, group: name };
      for (let up = parents.get(id); up !== undefined; up = parents.get(up)) {
        const caller = scriptFrame(nodes.get(up).callFrame);
        if (caller) return { label: `${name} ← ${caller.label}`, group: caller.group };
      }
      return { label: name, group: name };
    };
    const ranges = windows.map(([from, to]) => [pageZeroUs + from * 1000, pageZeroUs + to * 1000]);
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i];
      const next = profile.timeDeltas[i + 1] ?? INTERVAL_US;
      if (!ranges.some(([from, to]) => at >= from && at < to)) return;
      const { label: where, group } = describeNode(id);
      const ms = next / 1000;
      total += ms;
      byFunction.set(where, (byFunction.get(where) ?? 0) + ms);
      byPackage.set(group, (byPackage.get(group) ?? 0) + ms);
    });
  }
  const sorted = (table) =>
    [...table].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total, functions: sorted(byFunction), packages: sorted(byPackage) };
}

/** One line: where the time of the windows went, by package and by function. */
function describeProfile(hot, windows, count = 8) {
  const share = (ms) => `${ms.toFixed(0)} ms (${((ms / hot.totalMs) * 100).toFixed(0)}%)`;
  return `${hot.totalMs.toFixed(0)} ms sampled over ${windows} windows; by package: ${hot.packages
    .slice(0, count)
    .map((p) => `${p.name} ${share(p.ms)}`)
    .join(', ')}; hottest functions (self time): ${hot.functions
    .slice(0, count)
    .map((f) => `${f.name} ${share(f.ms)}`)
    .join(', ')}`;
}

module.exports = { describeProfile, hotFunctions, startProfiling };
