'use strict';
/**
 * Scripts the benchmark puts into the page before the app's own (`page.addInitScript`): they
 * run in the browser, so they may use nothing from this file's scope. Times are the page's
 * `performance.now()` clock, which the Performance API's marks and resource entries share.
 */
/* global window, document, requestAnimationFrame, MessageChannel, MutationObserver, PerformanceObserver */

/**
 * Calls `done(time)` with the time just after the next frame was painted: a task queued from
 * a requestAnimationFrame callback runs once that frame's style, layout and paint are done.
 */
function afterNextPaint(done) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
}

/**
 * The calendar: the app marks `meridian:calendar:data` when the day's appointments arrived and
 * `meridian:calendar:rendered` in a layout effect once their blocks are in the DOM. This adds,
 * from outside the app, how many blocks were there at that mark, when the frame after it was
 * painted, when the `expected`-th block first appeared (a MutationObserver: a check that needs
 * no app code), and the long tasks of the load.
 */
function calendarProbe({ expected }) {
  const blocks = () => document.querySelectorAll('[role="region"] [role="group"] button').length;
  const state = { rendered: [], blocksSeenAt: null, blocksPaintedAt: null, longTasks: [] };
  window.__benchCalendar = state;
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'meridian:calendar:rendered') {
      const record = { at: entry.startTime, blocks: blocks(), paintedAt: null };
      state.rendered.push(record);
      afterNextPaint((time) => (record.paintedAt = time));
    }
    return entry;
  };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      state.longTasks.push({ start: task.startTime, duration: task.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (state.blocksSeenAt !== null || blocks() < expected) return;
    state.blocksSeenAt = performance.now();
    afterNextPaint((time) => (state.blocksPaintedAt = time));
    observer.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true }),
  );
}

/**
 * Client search (Ctrl+K): the time of every key pressed, and each state of the result list
 * (the client numbers shown, or "nothing found"), with when it appeared and when the frame
 * showing it was painted. What the right answer is, the benchmark decides afterwards.
 */
function searchProbe({ nothingTexts }) {
  performance.setResourceTimingBufferSize(100000);
  const state = { keys: [], lists: [] };
  window.__benchSearch = state;
  window.addEventListener('keydown', (event) => state.keys.push(event.timeStamp), true);
  const listNow = () => {
    const dialog = document.querySelector('[role="dialog"]');
    if (!dialog) return 'closed';
    const actions = [...dialog.querySelectorAll('[data-action]')];
    if (actions.length) {
      return actions.map((a) => /C-\d+/.exec(a.textContent)?.[0] ?? '?').join(' ');
    }
    const text = dialog.textContent ?? '';
    return nothingTexts.some((t) => text.includes(t)) ? 'nothing' : 'none';
  };
  let last = null;
  const observer = new MutationObserver(() => {
    const now = listNow();
    if (now === last) return;
    last = now;
    const record = { list: now, at: performance.now(), paintedAt: null };
    state.lists.push(record);
    afterNextPaint((time) => (record.paintedAt = time));
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
  );
}

/**
 * The init script that runs `probe(argument)` with the helpers above beside it: a script of its
 * own text, since the app's Content-Security-Policy (rightly) refuses eval.
 */
function initScript(probe, argument) {
  return { content: `${afterNextPaint};\n(${probe})(${JSON.stringify(argument)});` };
}

module.exports = { calendarProbe, searchProbe, initScript };
