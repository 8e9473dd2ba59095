import { Discipline } from '@meridian/auth/access/role';
import type { StandardInstrumentCode } from '@meridian/outcomes/scoring';
import type { DietProtocol } from '@meridian/treatment-plans/plan-content';

export type ProfileKey = 'gut' | 'mood' | 'burnout' | 'pain' | 'metabolic' | 'headache';

/** A questionnaire the client fills in during the sessions of one discipline. */
export interface InstrumentSeries {
  code: StandardInstrumentCode;
  recordedIn: Discipline;
  /** Every how many of that discipline's sessions; the first session gives the baseline. */
  every: number;
  /** Where the first score falls. */
  baseline: readonly [number, number];
  /** The plan's goal for the score, and how the goal reads. */
  target: number;
  goal: string;
}

/** One presentation of a profile: what the client came with, and the plan's name for it. */
export interface Presentation {
  complaint: string;
  diagnoses: string[];
  medication: string[];
  title: string;
}

/**
 * A kind of client the clinic sees: who treats them, what they came with, the diet (if any)
 * the plan starts with, and what is measured. Every demo client has one; the notes, plans and
 * measurements follow from it.
 */
export interface ClinicalProfile {
  key: ProfileKey;
  /** How many of the demo's clients have it. */
  clients: number;
  /** The care team's disciplines, the lead's first. */
  team: readonly Discipline[];
  /** A discipline that joins this share of the teams. */
  sometimes: { discipline: Discipline; share: number } | null;
  /** Elimination diets the plan starts with, one picked per client; empty: no diet phases. */
  diets: readonly DietProtocol[];
  presentations: readonly Presentation[];
  dietHistory: readonly string[];
  series: readonly InstrumentSeries[];
  /** Exit criteria of the plan's phases when it has no diet phases. */
  stages: readonly string[];
}

const MYMOP2_GOAL = 'Hoofdklachten (MYMOP2-profiel) terug naar hooguit 2';

export const PROFILES: readonly ClinicalProfile[] = [
  {
    key: 'gut',
    clients: 13,
    team: [Discipline.Nutrition, Discipline.Acupuncture],
    sometimes: { discipline: Discipline.Training, share: 0.5 },
    // Carnivore most often: it is the elimination diet the clinic is known for.
    diets: ['carnivore', 'carnivore', 'ketogenic', 'carnivore'],
    presentations: [
      {
        complaint:
          'Opgeblazen buik na bijna elke maaltijd, wisselend diarree en obstipatie, vermoeid na het eten.',
        diagnoses: ['Prikkelbaredarmsyndroom (PDS)'],
        medication: [],
        title: 'Darmklachten: eliminatie en herintroductie',
      },
      {
        complaint:
          'Ondanks medicatie moe, snel koud, opgeblazen en stijve gewrichten in de ochtend.',
        diagnoses: ['Ziekte van Hashimoto'],
        medication: ['Levothyroxine 75 µg'],
        title: 'Hashimoto: eliminatiedieet, daarna herintroductie',
      },
      {
        complaint:
          'Pijnlijke, gezwollen vingergewrichten, ochtendstijfheid van een uur, buikkrampen.',
        diagnoses: ['Reumatoïde artritis'],
        medication: ['Methotrexaat 15 mg per week', 'Foliumzuur 5 mg'],
        title: 'Reuma en darm: ontstekingsremmend eliminatiedieet',
      },
      {
        complaint: 'Psoriasisplekken op ellebogen en hoofdhuid, opgeblazen buik en brain fog.',
        diagnoses: ['Psoriasis', 'Prikkelbaredarmsyndroom (PDS)'],
        medication: ['Betamethason crème (zo nodig)'],
        title: 'Huid en darm: eliminatie en herintroductie',
      },
    ],
    dietHistory: [
      'Eet gevarieerd westers: veel brood en pasta, weinig groente. Glutenvrij geprobeerd in 2022, kort effect.',
      'Flexitarisch, veel zuivel en fruit. Snackt in de middag, vooral koek.',
      'Vegetarisch tot 2020, nu weer vlees. Ontbijt vaak overgeslagen.',
    ],
    series: [
      {
        code: 'MYMOP2',
        recordedIn: Discipline.Nutrition,
        every: 2,
        baseline: [3.5, 5],
        target: 2,
        goal: MYMOP2_GOAL,
      },
    ],
    stages: [],
  },
  {
    key: 'mood',
    clients: 10,
    team: [Discipline.Psychology],
    sometimes: { discipline: Discipline.Acupuncture, share: 0.85 },
    diets: [],
    presentations: [
      {
        complaint:
          'Sinds een half jaar somber, weinig plezier in dingen, slaapt slecht en trekt zich terug.',
        diagnoses: ['Depressieve stoornis, matig ernstig'],
        medication: [],
        title: 'Herstel van stemming en dagritme',
      },
      {
        complaint: 'Na het verlies van een baan veel piekeren, somberheid en weinig energie.',
        diagnoses: ['Aanpassingsstoornis met depressieve stemming'],
        medication: [],
        title: 'Stemming en zingeving na baanverlies',
      },
      {
        complaint: 'Al jaren een sombere ondertoon, nu erger; moeite om op gang te komen.',
        diagnoses: ['Persisterende depressieve stoornis (dysthymie)'],
        medication: ['Sertraline 50 mg'],
        title: 'Activering en stemming',
      },
    ],
    dietHistory: [
      'Eet onregelmatig, vaak kant-en-klaar; weinig trek in de ochtend.',
      'Eet veel zoet als het slecht gaat; drinkt vier koppen koffie per dag.',
    ],
    series: [
      {
        code: 'PHQ-9',
        recordedIn: Discipline.Psychology,
        every: 2,
        baseline: [13, 20],
        target: 4,
        goal: 'Depressieve klachten (PHQ-9) onder de 5',
      },
      {
        code: 'GAD-7',
        recordedIn: Discipline.Psychology,
        every: 2,
        baseline: [8, 14],
        target: 4,
        goal: 'Angst en piekeren (GAD-7) hooguit 4',
      },
    ],
    stages: [
      'Dagritme staat: vaste op- en bedtijden, elke dag naar buiten.',
      'Zelfstandig terugvalpreventieplan opgesteld.',
    ],
  },
  {
    key: 'burnout',
    clients: 12,
    team: [Discipline.Psychology, Discipline.Training, Discipline.Nutrition],
    sometimes: null,
    diets: [],
    presentations: [
      {
        complaint:
          'Uitgevallen op het werk na maanden overwerk; uitgeput, prikkelbaar, slaapt onrustig.',
        diagnoses: ['Overspanning / burn-out'],
        medication: [],
        title: 'Burn-out: herstel van belastbaarheid',
      },
      {
        complaint:
          'Hartkloppingen, gejaagd gevoel en concentratieproblemen sinds een reorganisatie.',
        diagnoses: ['Gegeneraliseerde angststoornis'],
        medication: ['Oxazepam 10 mg (zo nodig)'],
        title: 'Spanning en energie: stap voor stap opbouwen',
      },
    ],
    dietHistory: [
      'Slaat de lunch vaak over, eet laat en veel; drinkt 5–6 koppen koffie per dag.',
      'Eet gezond volgens eigen zeggen, maar weinig eiwit en veel tussendoortjes.',
    ],
    series: [
      {
        code: 'GAD-7',
        recordedIn: Discipline.Psychology,
        every: 2,
        baseline: [11, 17],
        target: 5,
        goal: 'Spanning en piekeren (GAD-7) terug naar mild',
      },
      {
        code: 'PHQ-9',
        recordedIn: Discipline.Psychology,
        every: 2,
        baseline: [10, 16],
        target: 4,
        goal: 'Stemming (PHQ-9) onder de 5',
      },
      {
        code: 'MYMOP2',
        recordedIn: Discipline.Training,
        every: 3,
        baseline: [3, 4.5],
        target: 2,
        goal: MYMOP2_GOAL,
      },
    ],
    stages: [
      'Rust en ritme: slaapt weer zes uur of meer, dagstructuur staat.',
      'Opbouw: twee dagdelen werk per week zonder terugval.',
    ],
  },
  {
    key: 'pain',
    clients: 9,
    team: [Discipline.Acupuncture, Discipline.Training],
    sometimes: null,
    diets: [],
    presentations: [
      {
        complaint: 'Lage rugpijn sinds twee jaar, uitstralend naar het linkerbeen na lang zitten.',
        diagnoses: ['Aspecifieke lage rugpijn'],
        medication: ['Paracetamol 1000 mg (zo nodig)'],
        title: 'Lage rugpijn: acupunctuur en krachtopbouw',
      },
      {
        complaint: 'Pijn en stijfheid in nek en schouders, hoofdpijn aan het eind van de werkdag.',
        diagnoses: ['Nek-schouderklachten (KANS)'],
        medication: [],
        title: 'Nek en schouders: acupunctuur en houdingstraining',
      },
      {
        complaint: 'Pijn in beide knieën bij traplopen en na wandelen, ochtendstijfheid.',
        diagnoses: ['Artrose van de knie'],
        medication: ['Naproxen 250 mg (zo nodig)'],
        title: 'Knieartrose: pijnvermindering en spierkracht',
      },
    ],
    dietHistory: ['Eet gevarieerd, drie maaltijden per dag.', 'Eet veel brood, weinig groente.'],
    series: [
      {
        code: 'MYMOP2',
        recordedIn: Discipline.Acupuncture,
        every: 3,
        baseline: [3.5, 5.25],
        target: 2,
        goal: MYMOP2_GOAL,
      },
    ],
    stages: [
      'Pijnreductie: pijn hooguit 4 op 10 bij dagelijkse activiteiten.',
      'Belastbaarheid: een uur wandelen of tuinieren zonder toename van pijn.',
    ],
  },
  {
    key: 'metabolic',
    clients: 9,
    team: [Discipline.Nutrition, Discipline.Training],
    sometimes: null,
    diets: ['ketogenic'],
    presentations: [
      {
        complaint:
          'Overgewicht, energiedip na de lunch en veel trek in zoet; vader heeft diabetes.',
        diagnoses: ['Insulineresistentie', 'Obesitas (BMI 32)'],
        medication: [],
        title: 'Insulineresistentie: ketogeen, daarna herintroductie',
      },
      {
        complaint: 'Onregelmatige cyclus, gewichtstoename rond de buik, acne.',
        diagnoses: ['Polycysteus ovariumsyndroom (PCOS)'],
        medication: ['Metformine 500 mg'],
        title: 'PCOS: ketogene fase en duurzame leefstijl',
      },
      {
        complaint: 'HbA1c 44 mmol/mol bij de huisarts; moe, slecht slapen, buikomvang toegenomen.',
        diagnoses: ['Prediabetes'],
        medication: [],
        title: 'Prediabetes: ketogeen eten en krachttraining',
      },
    ],
    dietHistory: [
      'Ontbijt met muesli en sap, broodlunch, warme maaltijd met pasta of rijst; avondsnacks.',
      'Eet vaak buiten de deur door het werk; drinkt frisdrank.',
    ],
    series: [
      {
        code: 'MYMOP2',
        recordedIn: Discipline.Nutrition,
        every: 2,
        baseline: [3, 4.5],
        target: 1.5,
        goal: MYMOP2_GOAL,
      },
    ],
    stages: [],
  },
  {
    key: 'headache',
    clients: 7,
    team: [Discipline.Acupuncture],
    sometimes: { discipline: Discipline.Psychology, share: 0.75 },
    diets: [],
    presentations: [
      {
        complaint:
          'Migraine zonder aura, vier tot zes aanvallen per maand, vaak rond de menstruatie.',
        diagnoses: ['Migraine zonder aura'],
        medication: ['Sumatriptan 50 mg (bij aanval)'],
        title: 'Migraine: minder en mildere aanvallen',
      },
      {
        complaint: 'Dagelijkse drukkende hoofdpijn en slecht doorslapen, wordt om 4 uur wakker.',
        diagnoses: ['Spanningshoofdpijn', 'Insomnia'],
        medication: [],
        title: 'Hoofdpijn en slaap',
      },
    ],
    dietHistory: [
      'Eet regelmatig; drinkt weinig water en veel koffie.',
      'Slaat het ontbijt over; chocolade en rode wijn lijken aanvallen uit te lokken.',
    ],
    series: [
      {
        code: 'MYMOP2',
        recordedIn: Discipline.Acupuncture,
        every: 3,
        baseline: [3.5, 5],
        target: 2,
        goal: MYMOP2_GOAL,
      },
      {
        code: 'GAD-7',
        recordedIn: Discipline.Psychology,
        every: 2,
        baseline: [8, 13],
        target: 4,
        goal: 'Spanning (GAD-7) hooguit 4',
      },
      {
        code: 'PHQ-9',
        recordedIn: Discipline.Psychology,
        every: 2,
        baseline: [7, 12],
        target: 4,
        goal: 'Stemming (PHQ-9) onder de 5',
      },
    ],
    stages: [
      'Hoofdpijndagen gehalveerd ten opzichte van de start.',
      'Slaapt vijf van de zeven nachten door.',
    ],
  },
];

/** Allergies and intolerances reported at intake; most clients report none. */
export const ALLERGIES: readonly (readonly string[])[] = [
  [],
  [],
  [],
  ['Penicilline'],
  ['Noten'],
  ['Lactose-intolerantie'],
  ['Graspollen'],
];
