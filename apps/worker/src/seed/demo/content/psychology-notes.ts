import type { ProfileKey } from '../demo-profiles';
import type { MeasurementRow } from '../demo-rows';
import { NoteContext, stageOf } from './note-context';

type Stage = [string, string, string];

/** What sessions are about for each kind of client, early, midway and late in treatment. */
interface Themes {
  said: Stage;
  seen: Stage;
  done: Stage;
  next: Stage;
}

const THEMES: Partial<Record<ProfileKey, Themes>> = {
  mood: {
    said: [
      'Voelt zich somber en leeg, komt moeilijk uit bed, heeft weinig contact met vrienden.',
      'Heeft drie van de vier geplande activiteiten gedaan; wandelen met de hond voelde goed.',
      'Merkt dat de somberheid minder grip heeft; pakt oude hobby (tekenen) weer op.',
    ],
    seen: [
      'Vlak affect, trage psychomotoriek, goed contact.',
      'Meer mimiek, vertelt spontaan.',
      'Opgewekt, lacht regelmatig, goed gericht op de toekomst.',
    ],
    done: [
      'Psycho-educatie depressie; start activiteitenweekschema.',
      'Gedragsactivatie geëvalueerd; negatieve automatische gedachten uitgedaagd.',
      'Terugvalpreventieplan opgesteld: vroege signalen en wat dan te doen.',
    ],
    next: [
      'Weekschema bijhouden; over twee weken evalueren.',
      'Gedachtenschema bij twee lastige momenten invullen.',
      'Afbouwen naar eens per drie weken; plan delen met partner.',
    ],
  },
  burnout: {
    said: [
      'Uitgeput, slaapt onrustig, schrikt van elke mail van het werk.',
      'Energie wisselend; houdt zich beter aan pauzes, twee uur per dag op het werk.',
      'Werkt weer halve dagen; herkent de eigen grens eerder.',
    ],
    seen: [
      'Gespannen, snel geëmotioneerd, concentratie zwak.',
      'Rustiger, meer overzicht.',
      'Ontspannen, reflecteert goed op het eigen patroon.',
    ],
    done: [
      'Psycho-educatie stress en herstel; energiedagboek geïntroduceerd.',
      'Energiebalans besproken; assertiviteit naar leidinggevende geoefend in rollenspel.',
      'Re-integratieplan doorgenomen; valkuilen en helpende gedachten op een rij.',
    ],
    next: [
      'Dagelijks energiedagboek; drie rustmomenten per dag plannen.',
      'Gesprek met leidinggevende voorbereiden; werkuren in overleg uitbreiden.',
      'Laatste sessie over vier weken; daarna op afroep.',
    ],
  },
  headache: {
    said: [
      'Ligt wakker met piekeren, hoofdpijn na slechte nachten.',
      'Slaapvenster van zes uur aangehouden; valt sneller in slaap.',
      'Slaapt de meeste nachten door; maakt zich minder zorgen over slapen.',
    ],
    seen: [
      'Vermoeid, gespannen schouders.',
      'Alerter, minder gespannen.',
      'Uitgerust, ontspannen.',
    ],
    done: [
      'Slaapdagboek besproken; start slaaprestrictie en ontspanningsoefening.',
      'Piekermoment ingevoerd; cognitieve herstructurering rond slaapgedachten.',
      'Slaapvenster verruimd; terugvalpreventie besproken.',
    ],
    next: [
      'Slaapdagboek bijhouden; dagelijks ademhalingsoefening.',
      'Piekermoment om 19:00; slaapvenster met 15 minuten verruimen.',
      'Afronden na nog één sessie.',
    ],
  },
};

const FORMAT_OF: Record<string, 'SOAP' | 'DAP' | 'BIRP'> = { sanne: 'SOAP', daan: 'DAP' };

/**
 * A psychology note as the API takes it: the psychologist's own format (SOAP or DAP, now and
 * then BIRP), its sections only, the risk level and the questionnaires of the session linked.
 */
export function psychologyContent(context: NoteContext): Record<string, unknown> {
  const { random, session, measurements } = context;
  const themes = THEMES[session.story.profile.key] ?? THEMES.mood!;
  const stage = stageOf(context);
  const scores = describeScores(measurements);
  const format = random.chance(0.15)
    ? 'BIRP'
    : (FORMAT_OF[session.visit.member.user.member.key] ?? 'SOAP');
  const said = themes.said[stage];
  const assessment = `${stage === 0 ? 'Klachten passend bij de hulpvraag' : stage === 1 ? 'Voorzichtige verbetering' : 'Duidelijke verbetering'}${scores ? `; ${scores}` : ''}.`;
  const sections =
    format === 'SOAP'
      ? { subjective: said, objective: themes.seen[stage], assessment, plan: themes.next[stage] }
      : format === 'DAP'
        ? { data: `${said} ${themes.seen[stage]}`, assessment, plan: themes.next[stage] }
        : {
            behavior: `${themes.seen[stage]} ${said}`,
            intervention: themes.done[stage],
            response: assessment,
            plan: themes.next[stage],
          };
  return {
    format,
    sections,
    riskLevel: stage === 0 && session.story.profile.key === 'mood' ? 'low' : 'none',
    ...(measurements.length > 0 ? { linkedMeasurementIds: measurements.map((m) => m.id) } : {}),
  };
}

const BANDS: Record<string, string> = {
  minimal: 'minimaal',
  mild: 'mild',
  moderate: 'matig',
  'moderately severe': 'matig ernstig',
  severe: 'ernstig',
};

/** `PHQ-9 12 (matig), GAD-7 9 (mild)`: the session's scores as the note mentions them. */
function describeScores(measurements: MeasurementRow[]): string {
  return measurements
    .map((m) => `${m.instrument} ${m.score}${m.band ? ` (${BANDS[m.band] ?? m.band})` : ''}`)
    .join(', ');
}
