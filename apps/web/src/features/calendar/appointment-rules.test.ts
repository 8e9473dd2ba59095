import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  canMove,
  DEFAULT_MINUTES,
  durationChoices,
  holdsSlot,
  typesFor,
} from './appointment-rules';

describe('appointment rules', () => {
  it('offers a practitioner’s own disciplines and an intake', () => {
    expect(typesFor(['nutrition', 'acupuncture'])).toEqual(['acupuncture', 'nutrition', 'intake']);
    expect(typesFor([])).toEqual(['intake']);
  });

  it('knows each type’s usual length, and offers it among the quarters of an hour', () => {
    expect(DEFAULT_MINUTES).toEqual({
      intake: 60,
      acupuncture: 45,
      psychology: 50,
      nutrition: 30,
      training: 60,
    });
    const choices = durationChoices(50);
    expect(choices.slice(0, 5)).toEqual([15, 30, 45, 50, 60]);
    expect(choices.at(-1)).toBe(240);
    expect(durationChoices(45).filter((m) => m === 45)).toHaveLength(1);
  });

  it('allows only the transitions the API allows', () => {
    expect(actionsFor('booked')).toEqual(['check-in', 'no-show', 'cancel']);
    expect(actionsFor('arrived')).toEqual(['complete', 'cancel']);
    expect(actionsFor('completed')).toEqual([]);
    expect(actionsFor('no-show')).toEqual([]);
    expect(actionsFor('cancelled')).toEqual([]);
  });

  it('moves only booked appointments; cancelled and missed ones free their slot', () => {
    expect(canMove('booked')).toBe(true);
    expect(canMove('arrived')).toBe(false);
    expect(holdsSlot('booked')).toBe(true);
    expect(holdsSlot('completed')).toBe(true);
    expect(holdsSlot('no-show')).toBe(false);
    expect(holdsSlot('cancelled')).toBe(false);
  });
});
