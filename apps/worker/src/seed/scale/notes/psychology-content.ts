import {
  FORMAT_SECTIONS,
  NoteFormat,
  RISK_LEVELS,
} from '@meridian/session-notes/content/psychology.content';
import type { Random } from '../random';
import { SECTION_SENTENCES } from '../vocabulary/psychology-texts';

const FORMATS: readonly (readonly [NoteFormat, number])[] = [
  ['SOAP', 0.6],
  ['DAP', 0.25],
  ['BIRP', 0.15],
];

const RISK: readonly (readonly [(typeof RISK_LEVELS)[number], number])[] = [
  ['none', 0.8],
  ['low', 0.15],
  ['moderate', 0.04],
  ['high', 0.01],
];

/** A psychology session in SOAP, DAP or BIRP: exactly the sections of its format. */
export function psychologyContent(random: Random): Record<string, unknown> {
  const format = random.weighted(FORMATS);
  const sections: Record<string, string> = {};
  for (const section of FORMAT_SECTIONS[format]) {
    sections[section] = random.sample(SECTION_SENTENCES[section], random.int(2, 3)).join(' ');
  }
  return { format, sections, riskLevel: random.weighted(RISK) };
}
