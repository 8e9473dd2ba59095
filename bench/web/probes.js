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
 * The chart's timeline: the app marks `meridian:notes:data` when the notes (and the staff names)
 * arrived and `meridian:notes:rendered` in a layout effect once their cards are in the DOM, once
 * per page of notes. This records each pair with the cards counted at the mark and when the
 * frame after it was painted, the clicks (on "load more") and the long tasks of the load.
 */
function notesProbe({ labels }) {
  const cards = () => {
    const list = [...document.querySelectorAll('ol[aria-label]')].find((ol) =>
      labels.includes(ol.getAttribute('aria-label')),
    );
    return list ? list.querySelectorAll(':scope > li').length : 0;
  };
  const state = { rendered: [], longTasks: [], clicks: [] };
  window.__benchNotes = state;
  window.addEventListener('click', (event) => state.clicks.push(event.timeStamp), true);
  let data = null;
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'meridian:notes:data') data = entry.startTime;
    if (name === 'meridian:notes:rendered') {
      const record = { data, at: entry.startTime, cards: cards(), paintedAt: null };
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
}

/**
 * Typing in a note: every keydown's time, every long task, and every input event's duration
 * from the key to the frame that showed it (Event Timing, 16 ms and longer), installed before
 * the app so that nothing of the typing goes unobserved.
 */
function typingProbe() {
  const state = { keys: [], longTasks: [], events: [] };
  window.__benchTyping = state;
  window.addEventListener('keydown', (event) => state.keys.push(event.timeStamp), true);
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      state.longTasks.push({ start: task.startTime, duration: task.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const event of list.getEntries()) {
      state.events.push({
        name: event.name,
        start: event.startTime,
        duration: event.duration,
        delay: event.processingStart - event.startTime,
        processing: event.processingEnd - event.processingStart,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

/**
 * The init script that runs `probe(argument)` with the helpers above beside it: a script of its
 * own text, since the app's Content-Security-Policy (rightly) refuses eval.
 */
function initScript(probe, argument) {
  return { content: `${afterNextPaint};\n(${probe})(${JSON.stringify(argument)});` };
}

module.exports = { calendarProbe, initScript, notesProbe, searchProbe, typingProbe };
