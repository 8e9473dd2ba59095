import { ADJUNCTS } from '@meridian/session-notes/content/acupuncture.content';
import type { Random } from '../random';
import {
  ADVERSE_EVENTS,
  PULSE_QUALITIES,
  RESPONSES,
  TECHNIQUES,
  TONGUE_COATINGS,
  TONGUE_COLOURS,
  TONGUE_SHAPES,
} from '../vocabulary/acupuncture-texts';
import type { NoteSubject } from './note-content';

/** Points on the midline have no side; the form still asks for one. */
const MIDLINE = /^(GV|CV|EX-HN3$)/;

/** An acupuncture session on the client's complaint: tongue, pulse, pattern, points, response. */
export function acupunctureContent(subject: NoteSubject, random: Random): Record<string, unknown> {
  const { acupuncture } = subject.traits;
  const content: Record<string, unknown> = { chiefComplaint: acupuncture.complaint };
  if (random.chance(0.9)) {
    content.tongue = {
      bodyColour: random.pick(TONGUE_COLOURS),
      coating: random.pick(TONGUE_COATINGS),
      shape: random.pick(TONGUE_SHAPES),
    };
  }
  if (random.chance(0.85)) {
    const wrist = () => ({
      cun: [random.pick(PULSE_QUALITIES)],
      guan: [random.pick(PULSE_QUALITIES)],
      chi: random.sample(PULSE_QUALITIES, random.int(1, 2)),
    });
    content.pulse = { rate: random.int(56, 88), left: wrist(), right: wrist() };
  }
  content.patterns = random.sample(acupuncture.patterns, random.int(1, 2));
  content.points = random.sample(acupuncture.points, random.int(4, 7)).map((code) => {
    const point: Record<string, unknown> = {
      code,
      side: MIDLINE.test(code) ? 'bilateral' : random.pick(['left', 'right', 'bilateral']),
    };
    if (random.chance(0.7)) point.technique = random.pick(TECHNIQUES);
    if (random.chance(0.8)) point.retentionMinutes = random.pick([15, 20, 25, 30]);
    return point;
  });
  if (random.chance(0.4)) content.adjuncts = random.sample(ADJUNCTS, random.int(1, 2));
  if (random.chance(0.8)) content.response = random.pick(RESPONSES);
  if (random.chance(0.03)) content.adverseEvents = random.pick(ADVERSE_EVENTS);
  return content;
}
