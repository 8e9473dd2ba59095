/**
 * The arithmetic of the report charts, apart from drawing: a value axis that starts at zero
 * (a bar's length is its value, also below zero for a mean change) and ends on a round number,
 * and which labels of a long time axis fit.
 */
export interface ValueAxis {
  min: number;
  max: number;
  ticks: number[];
}

/** Round steps: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

/** An axis from (at most) zero to (at least) zero covering `values`, with about `count` ticks. */
export function valueAxis(values: readonly number[], count = 4): ValueAxis {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  if (low === high) return { min: 0, max: 1, ticks: [0, 1] };
  const step = niceStep(high - low, count);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Counted in steps, not added up, so 0.1 + 0.2 does not become 0.30000000000000004.
  for (let i = 0; min + i * step <= max + step / 2; i++) {
    ticks.push(Number((min + i * step).toPrecision(12)));
  }
  return { min, max, ticks };
}

/** Where `value` falls between `start` and `start + length` on `axis`. */
export function scale(axis: ValueAxis, start: number, length: number) {
  return (value: number) => start + ((value - axis.min) / (axis.max - axis.min)) * length;
}

/** Every how many columns a label fits, at `labelWidth` pixels a label. */
export function labelEvery(columns: number, plotWidth: number, labelWidth: number): number {
  if (columns <= 0 || plotWidth <= 0) return 1;
  return Math.max(1, Math.ceil((columns * labelWidth) / plotWidth));
}
