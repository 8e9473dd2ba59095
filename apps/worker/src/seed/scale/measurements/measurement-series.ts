import { Discipline } from '@meridian/auth/access/role';
import {
  findStandardInstrument,
  StandardInstrument,
  StandardInstrumentCode,
} from '@meridian/outcomes/scoring';
import type { Random } from '../random';
import type { ClientModel, StaffMember } from '../scale-model';

/** A run of one questionnaire for one client: who takes it and from when. */
export interface MeasurementSeries {
  instrument: StandardInstrument;
  recordedBy: StaffMember;
  /** Local days the questionnaire was taken, oldest first. */
  days: number[];
}

function instrument(code: StandardInstrumentCode): StandardInstrument {
  const found = findStandardInstrument(code);
  if (!found) throw new Error(`${code} is missing from the instrument catalog`);
  return found;
}

const PHQ9 = instrument('PHQ-9');
const GAD7 = instrument('GAD-7');
const MYMOP2 = instrument('MYMOP2');

/**
 * The questionnaires a client fills in: PHQ-9 and GAD-7 with a psychologist on the team,
 * MYMOP2 mostly for bodily complaints. Two to six times, three to seven weeks apart, within
 * the client's care and before today.
 */
export function measurementSeries(
  client: ClientModel,
  today: number,
  random: Random,
): MeasurementSeries[] {
  const psychologist = client.team.find((member) => member.discipline === Discipline.Psychology);
  const bodily = client.team.find((member) => member.discipline !== Discipline.Psychology);
  const wanted: [StandardInstrument, StaffMember, number][] = [];
  if (psychologist) {
    if (random.chance(0.85)) wanted.push([PHQ9, psychologist.practitioner, psychologist.since]);
    if (random.chance(0.7)) wanted.push([GAD7, psychologist.practitioner, psychologist.since]);
  }
  if (bodily && random.chance(psychologist ? 0.2 : 0.55)) {
    wanted.push([MYMOP2, bodily.practitioner, bodily.since]);
  }
  const lastDay = Math.min(client.careUntil, today) - 1;
  return wanted.flatMap(([instrument, recordedBy, since]) => {
    const count = random.weighted([
      [2, 0.2],
      [3, 0.3],
      [4, 0.25],
      [5, 0.15],
      [6, 0.1],
    ]);
    const days: number[] = [];
    for (let day = since + random.int(0, 7); day <= lastDay && days.length < count;) {
      days.push(day);
      day += random.int(21, 49);
    }
    return days.length > 0 ? [{ instrument, recordedBy, days }] : [];
  });
}

/**
 * Answers over the series: a starting severity, then for about two clients in three a steady
 * improvement, for the others ups and downs. `selfHarmAllowed(i)` says whether item 9 of
 * PHQ-9 may be above 0 at the i-th measurement.
 */
export function seriesAnswers(
  series: MeasurementSeries,
  random: Random,
  selfHarmAllowed: (index: number) => boolean,
): number[][] {
  const { instrument } = series;
  const items = instrument.items.length;
  const maxTotal = items * instrument.itemMax;
  const responder = random.chance(0.65);
  let total =
    instrument === MYMOP2
      ? random.int(10, 20)
      : instrument === PHQ9
        ? random.int(8, 22)
        : random.int(7, 18);
  return series.days.map((_day, index) => {
    if (index > 0) {
      total = responder ? Math.round(total * random.between(0.7, 0.92)) : total + random.int(-2, 2);
      total = Math.max(0, Math.min(maxTotal, total));
    }
    const selfHarm =
      instrument === PHQ9 && total >= 12 && selfHarmAllowed(index) && random.chance(0.12);
    const item9 = instrument === PHQ9 ? (selfHarm ? random.int(1, 2) : 0) : null;
    return spread(total, items, instrument.itemMax, random, item9);
  });
}

/**
 * `total` points over `items` items of at most `itemMax` each, at random. With `fixedLast`,
 * the last item is held at that value (PHQ-9 item 9, thoughts of self-harm: 0 for most).
 */
function spread(
  total: number,
  items: number,
  itemMax: number,
  random: Random,
  fixedLast: number | null,
): number[] {
  const answers = new Array<number>(items).fill(0);
  const free = fixedLast === null ? items : items - 1;
  if (fixedLast !== null) answers[items - 1] = fixedLast;
  let left = Math.min(total - (fixedLast ?? 0), free * itemMax);
  while (left > 0) {
    const index = random.int(0, free - 1);
    if (answers[index] < itemMax) {
      answers[index]++;
      left--;
    }
  }
  return answers;
}
