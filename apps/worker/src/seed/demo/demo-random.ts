import { base, en, Faker, nl } from '@faker-js/faker';

/** Any fixed number: the same seed gives the same people, stories and notes on every run. */
const DEMO_SEED = 7510;

/**
 * The demo's one source of chance: a Dutch faker seeded once, so the demo clinic looks the
 * same on every machine (only its dates move with today). English and the base locale fill
 * what the Dutch one lacks.
 */
export class DemoRandom {
  readonly faker = new Faker({ locale: [nl, en, base] });

  constructor(seed = DEMO_SEED) {
    this.faker.seed(seed);
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** A number from `min` to `max` with at most `digits` decimals. */
  float(min: number, max: number, digits = 1): number {
    return this.faker.number.float({ min, max, fractionDigits: digits });
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < p;
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.faker.helpers.arrayElements(items, count);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.faker.helpers.shuffle([...items]);
  }
}
