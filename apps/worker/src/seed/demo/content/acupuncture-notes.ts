import type { ProfileKey } from '../demo-profiles';
import { NoteContext, stageOf } from './note-context';

interface TcmPicture {
  patterns: string[];
  tongue: { bodyColour: string; coating: string; shape: string };
  pulse: { left: [string, string, string]; right: [string, string, string] };
  /** Points needled every session, then the ones added by turns. */
  core: string[];
  extra: string[];
  adjuncts: ('moxibustion' | 'cupping' | 'electro-acupuncture' | 'gua-sha')[];
  responses: [string, string, string];
}

/**
 * Points on the midline have no side, but the note model knows only left, right and bilateral:
 * they are recorded as bilateral.
 */
const MIDLINE = /^(CV|GV|EX-HN3$)/;
/** Points whose technique is to tonify (deficiency) or to reduce (excess). */
const TONIFY = new Set(['ST36', 'SP6', 'KI3', 'CV6', 'CV4', 'BL20', 'BL23', 'SP3', 'GV4']);
const REDUCE = new Set([
  'LR3',
  'LI4',
  'GB20',
  'GB34',
  'ST25',
  'SP9',
  'BL40',
  'EX-HN5',
  'TE5',
  'GB41',
]);

/**
 * TCM pictures per profile, with point prescriptions a practitioner would use for them. Every
 * code is a WHO standard or extra point; the seed checks each against the catalog.
 */
const PICTURES: Partial<Record<ProfileKey, TcmPicture>> = {
  gut: {
    patterns: ['Milt-qi-deficiëntie met vocht', 'Lever-qi valt de milt aan'],
    tongue: {
      bodyColour: 'bleek',
      coating: 'dun wit, iets vettig',
      shape: 'gezwollen, tandafdrukken',
    },
    pulse: { left: ['zwak', 'gespannen', 'diep'], right: ['zwak', 'glad', 'diep'] },
    core: ['ST36', 'SP6', 'CV12', 'ST25', 'LR3'],
    extra: ['SP9', 'LI4', 'BL20', 'CV6', 'ST37'],
    adjuncts: ['moxibustion'],
    responses: [
      'Ontspande goed; buik voelde na de behandeling zachter aan.',
      'Minder opgeblazen sinds de vorige sessie; ontlasting regelmatiger.',
      'Buikklachten grotendeels weg; interval naar twee weken.',
    ],
  },
  mood: {
    patterns: ['Lever-qi-stagnatie', 'Hart- en miltbloeddeficiëntie'],
    tongue: { bodyColour: 'bleekrood', coating: 'dun wit', shape: 'normaal, rode randen' },
    pulse: { left: ['draadvormig', 'gespannen', 'zwak'], right: ['zwak', 'gespannen', 'diep'] },
    core: ['LR3', 'LI4', 'PC6', 'HT7', 'SP6'],
    extra: ['EX-HN3', 'GV20', 'ST36', 'BL15', 'BL18'],
    adjuncts: [],
    responses: [
      'Huilde even tijdens de behandeling, daarna rustiger.',
      'Slaapt beter sinds de laatste twee behandelingen.',
      'Voelt zich lichter; energie in de ochtend beter.',
    ],
  },
  pain: {
    patterns: ['Qi- en bloedstagnatie in de meridianen', 'Nier-yang-deficiëntie'],
    tongue: { bodyColour: 'paarsig', coating: 'dun wit', shape: 'normaal' },
    pulse: { left: ['gespannen', 'gespannen', 'diep'], right: ['normaal', 'gespannen', 'zwak'] },
    core: ['BL23', 'BL25', 'BL40', 'GB34', 'KI3'],
    extra: ['GB30', 'SI3', 'EX-B2', 'GV4', 'LI4'],
    adjuncts: ['electro-acupuncture', 'cupping'],
    responses: [
      'Pijn direct na de behandeling van 7 naar 5 op 10.',
      'Kan weer een half uur zitten zonder uitstraling.',
      'Pijn hooguit 3 op 10; wandelt dagelijks.',
    ],
  },
  headache: {
    patterns: ['Opstijgend lever-yang', 'Lever-qi-stagnatie'],
    tongue: { bodyColour: 'rood aan de randen', coating: 'dun geel', shape: 'normaal' },
    pulse: {
      left: ['snaarvormig', 'snaarvormig', 'normaal'],
      right: ['normaal', 'gespannen', 'normaal'],
    },
    core: ['GB20', 'LI4', 'LR3', 'TE5', 'EX-HN5'],
    extra: ['GB41', 'GV20', 'EX-HN3', 'SP6', 'PC6'],
    adjuncts: ['gua-sha'],
    responses: [
      'Nekspanning duidelijk minder na de behandeling.',
      'Twee aanvallen in drie weken, beide korter.',
      'Eén lichte aanval deze maand; slaapt door.',
    ],
  },
};

/** An acupuncture note as the API takes it (content of `POST /clients/:id/session-notes`). */
export function acupunctureContent(context: NoteContext): Record<string, unknown> {
  const { random, session } = context;
  const picture = PICTURES[session.story.profile.key] ?? PICTURES.gut!;
  const stage = stageOf(context);
  const added = random.sample(picture.extra, random.int(1, 3));
  const points = [...picture.core, ...added].map((code) => ({
    code,
    side: MIDLINE.test(code)
      ? 'bilateral'
      : code === 'LI4' && random.chance(0.3)
        ? 'left'
        : 'bilateral',
    technique: TONIFY.has(code)
      ? 'tonificerend'
      : REDUCE.has(code)
        ? 'sederend'
        : 'neutraal, de qi verkregen',
    retentionMinutes: random.pick([20, 25, 30]),
  }));
  return {
    chiefComplaint: session.story.presentation.complaint,
    tongue: picture.tongue,
    pulse: {
      rate: random.int(60, 82),
      left: {
        cun: [picture.pulse.left[0]],
        guan: [picture.pulse.left[1]],
        chi: [picture.pulse.left[2]],
      },
      right: {
        cun: [picture.pulse.right[0]],
        guan: [picture.pulse.right[1]],
        chi: [picture.pulse.right[2]],
      },
    },
    patterns: stage === 2 ? picture.patterns.slice(0, 1) : picture.patterns,
    points,
    ...(picture.adjuncts.length > 0 && random.chance(0.6) ? { adjuncts: picture.adjuncts } : {}),
    response: picture.responses[stage],
    ...(random.chance(0.05)
      ? {
          adverseEvents:
            'Klein hematoom na het uitnemen van een naald, binnen twee dagen verdwenen.',
        }
      : {}),
  };
}
