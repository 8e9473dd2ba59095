import { describe, expect, it } from 'vitest';
import { mergeMove, moveValuesOf, sameMove, type MoveValues } from './move-values';

const base: MoveValues = { date: '2026-12-08', time: '600', duration: '45', practitionerId: 'mei' };

describe('a move that met a colleague’s change', () => {
  it('keeps what the user chose and takes the colleague’s change elsewhere', () => {
    const latest = { ...base, practitionerId: 'sanne' };
    const mine = { ...base, time: '660' };
    expect(mergeMove(base, latest, mine)).toEqual({
      values: { ...base, time: '660', practitionerId: 'sanne' },
      theirs: ['practitionerId'],
      both: [],
    });
  });

  it('names a field both changed, keeping the user’s value', () => {
    const latest = { ...base, time: '900' };
    const mine = { ...base, time: '660' };
    expect(mergeMove(base, latest, mine)).toEqual({
      values: mine,
      theirs: ['time'],
      both: ['time'],
    });
    // Both chose the same: nothing to decide.
    expect(mergeMove(base, latest, latest).both).toEqual([]);
  });

  it('reads an appointment on the clinic’s clock', () => {
    const values = moveValuesOf(
      {
        startsAt: '2026-12-07T23:30:00.000Z',
        endsAt: '2026-12-08T00:15:00.000Z',
        practitioner: { id: 'mei', name: 'Mei Ling Chen' },
      } as never,
      'Europe/Amsterdam',
    );
    expect(values).toEqual({
      date: '2026-12-08',
      time: '30',
      duration: '45',
      practitionerId: 'mei',
    });
    expect(sameMove(values, { ...values })).toBe(true);
  });
});
