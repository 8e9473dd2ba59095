import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../i18n';
import { applyLanguage } from '../../i18n';
import { ClinicProvider } from '../../app/clinic-context';
import type { Clinic, Me } from '../../app/session/session-store';
import { zonedInstant } from '../../lib/clinic-time';
import type { Appointment } from './appointment-rules';
import { DAY_END, DAY_START, yOf } from './grid-time';
import { columnKey, layoutGrid } from './layout';
import { TimeGrid, type GridColumn } from './TimeGrid';

const AMS = 'Europe/Amsterdam';
const DAY = '2026-12-07';
const COLUMN_WIDTH = 100;
/** The grid shows 07:00–21:00 for these appointments. */
const RANGE = { from: DAY_START, to: DAY_END };
const me = { id: 'me', roles: ['receptionist'], permissions: [] } as unknown as Me;
const clinic = { id: 'c', name: 'Kliniek', timeZone: AMS, locale: 'nl' } as unknown as Clinic;

const practitioners = [
  { id: 'mei', name: 'Mei Ling Chen' },
  { id: 'sanne', name: 'Sanne Visser' },
];
const columns: GridColumn[] = practitioners.map((p) => ({
  key: columnKey(DAY, p.id),
  date: DAY,
  practitionerId: p.id,
  practitionerName: p.name,
  label: `${p.name}, ma 7 dec 2026`,
  head: p.name,
}));

function appointment(
  id: string,
  practitioner: (typeof practitioners)[number],
  from: number,
  to: number,
  status: Appointment['status'] = 'booked',
): Appointment {
  return {
    id,
    client: { id: `client-${id}`, name: `Cliënt ${id}`, clientNumber: 'C-000001' },
    practitioner,
    type: 'acupuncture',
    startsAt: zonedInstant(DAY, from, AMS).toISOString(),
    endsAt: zonedInstant(DAY, to, AMS).toISOString(),
    status,
    version: 3,
  };
}

const appointments = [
  appointment('sanne', practitioners[0], 9 * 60 + 30, 10 * 60 + 15),
  appointment('bram', practitioners[0], 11 * 60, 11 * 60 + 45, 'arrived'),
];

/** Columns side by side, 100 px each, their tops at the grid's top (jsdom lays nothing out). */
function layOutColumns() {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    const index = columns.findIndex((c) => c.label === this.getAttribute('aria-label'));
    const left = index * COLUMN_WIDTH;
    return new DOMRect(index < 0 ? -1000 : left, 0, COLUMN_WIDTH, 1000);
  });
}

function renderGrid(now: number, overrides: Partial<Parameters<typeof TimeGrid>[0]> = {}) {
  const handlers = { onBook: vi.fn(), onOpen: vi.fn(), onMove: vi.fn(), onDropInPast: vi.fn() };
  const layout = layoutGrid(
    appointments,
    columns.map((c) => c.key),
    AMS,
  );
  render(
    <ClinicProvider me={me} clinic={clinic}>
      <TimeGrid
        columns={columns}
        layout={layout}
        label="Agenda van ma 7 dec 2026"
        now={now}
        canWrite
        scrollTo={8 * 60}
        scrollKey="day"
        {...handlers}
        {...overrides}
      />
    </ClinicProvider>,
  );
  return handlers;
}

const DAY_BEFORE = Date.parse('2026-12-06T12:00:00Z');

describe('TimeGrid', () => {
  beforeEach(() => {
    applyLanguage('nl', false);
    layOutColumns();
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows a column per practitioner and each appointment as a button a screen reader can name', () => {
    renderGrid(DAY_BEFORE);
    const grid = screen.getByRole('region', { name: 'Agenda van ma 7 dec 2026' });
    const mei = within(grid).getByRole('group', { name: 'Mei Ling Chen, ma 7 dec 2026' });
    expect(within(grid).getByRole('group', { name: 'Sanne Visser, ma 7 dec 2026' })).toBeVisible();
    // Browsers space the parts differently; the words and their order are what is heard.
    expect(
      within(mei).getByRole('button', {
        name: /^09:30–10:15\s*Cliënt sanne\s*,\s*Acupunctuur\s*,\s*Geboekt$/,
      }),
    ).toBeInTheDocument();
    expect(
      within(mei).getByRole('button', {
        name: /^11:00–11:45\s*Cliënt bram\s*,\s*Acupunctuur\s*,\s*Aangemeld$/,
      }),
    ).toHaveAttribute('data-status', 'arrived');
  });

  it('books the slot that was clicked, worked out from the pointer’s height', () => {
    const { onBook } = renderGrid(DAY_BEFORE);
    const sanne = screen.getByRole('group', { name: /^Sanne Visser/ });
    const slots = sanne.querySelector('[aria-hidden="true"]')!;
    // 3 hours and 10 pixels below 07:00: inside the 10:00 slot.
    fireEvent.click(slots, { clientY: yOf(10 * 60, RANGE) + 10 });
    expect(onBook).toHaveBeenCalledWith(columns[1], 10 * 60);
  });

  it('does not book a time already past', () => {
    const { onBook } = renderGrid(zonedInstant(DAY, 12 * 60, AMS).getTime());
    const slots = screen
      .getByRole('group', { name: /^Sanne Visser/ })
      .querySelector('[aria-hidden]')!;
    fireEvent.click(slots, { clientY: yOf(9 * 60, RANGE) + 5 });
    expect(onBook).not.toHaveBeenCalled();
    fireEvent.click(slots, { clientY: yOf(15 * 60, RANGE) + 5 });
    expect(onBook).toHaveBeenCalledWith(columns[1], 15 * 60);
  });

  it('opens an appointment on a click, and moves it by dragging, snapped to 15 minutes', () => {
    const { onOpen, onMove } = renderGrid(DAY_BEFORE);
    const block = screen.getByRole('button', { name: /^09:30–10:15\s*Cliënt sanne/ });
    fireEvent.click(block);
    expect(onOpen).toHaveBeenCalledWith(appointments[0]);

    // Grabbed 6 px below its top, dropped in Sanne's column with its top near 13:05.
    const grabY = yOf(9 * 60 + 30, RANGE) + 6;
    const dropY = yOf(13 * 60 + 5, RANGE) + 6;
    act(() => {
      fireEvent.pointerDown(block, {
        button: 0,
        pointerType: 'mouse',
        clientX: 50,
        clientY: grabY,
      });
      fireEvent.pointerMove(window, { clientX: 80, clientY: grabY + 20 });
      fireEvent.pointerMove(window, { clientX: 150, clientY: dropY });
    });
    // The ghost tells where it would land.
    expect(screen.getByText('13:00–13:45')).toBeInTheDocument();
    act(() => {
      fireEvent.pointerUp(window, { clientX: 150, clientY: dropY });
    });
    expect(onMove).toHaveBeenCalledWith(appointments[0], columns[1], 13 * 60);
    // The click that ends a drag does not open the panel.
    fireEvent.click(block);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('does not drag what cannot move: an arrived appointment', () => {
    const { onMove } = renderGrid(DAY_BEFORE);
    const arrived = screen.getByRole('button', { name: /^11:00–11:45\s*Cliënt bram/ });
    act(() => {
      fireEvent.pointerDown(arrived, {
        button: 0,
        pointerType: 'mouse',
        clientX: 50,
        clientY: 400,
      });
      fireEvent.pointerMove(window, { clientX: 150, clientY: 600 });
      fireEvent.pointerUp(window, { clientX: 150, clientY: 600 });
    });
    expect(onMove).not.toHaveBeenCalled();
  });

  it('neither books nor moves for a user who may only read the calendar', () => {
    const { onBook, onMove, onOpen } = renderGrid(DAY_BEFORE, { canWrite: false });
    const block = screen.getByRole('button', { name: /^09:30–10:15\s*Cliënt sanne/ });
    act(() => {
      fireEvent.pointerDown(block, { button: 0, pointerType: 'mouse', clientX: 50, clientY: 205 });
      fireEvent.pointerMove(window, { clientX: 150, clientY: 600 });
      fireEvent.pointerUp(window, { clientX: 150, clientY: 600 });
    });
    const slots = screen
      .getByRole('group', { name: /^Sanne Visser/ })
      .querySelector('[aria-hidden]')!;
    fireEvent.click(slots, { clientY: 300 });
    expect(onMove).not.toHaveBeenCalled();
    expect(onBook).not.toHaveBeenCalled();
    fireEvent.click(block);
    expect(onOpen).toHaveBeenCalledWith(appointments[0]);
  });
});
