import { describe, expect, it } from 'vitest';
import { labelEvery, scale, valueAxis } from './chart-scale';

describe('the report charts’ axes', () => {
  it('start at zero and end on a round number', () => {
    expect(valueAxis([3, 47, 12])).toEqual({ min: 0, max: 60, ticks: [0, 20, 40, 60] });
    expect(valueAxis([0.042, 0.31]).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
  });

  it('reach below zero for a fall, as a mean change', () => {
    const axis = valueAxis([-6.1, 0.5]);
    expect(axis.min).toBeLessThanOrEqual(-6.1);
    expect(axis.max).toBeGreaterThanOrEqual(0.5);
    expect(axis.ticks).toContain(0);
  });

  it('draw nothing as something: no values, or only zeros, give an axis of 0 to 1', () => {
    expect(valueAxis([])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
    expect(valueAxis([0, 0])).toEqual({ min: 0, max: 1, ticks: [0, 1] });
  });

  it('place values along the plot, and label as many columns as fit', () => {
    const x = scale({ min: 0, max: 50, ticks: [] }, 10, 100);
    expect(x(25)).toBe(60);
    expect(labelEvery(53, 530, 48)).toBe(5);
    expect(labelEvery(12, 600, 48)).toBe(1);
  });
});
