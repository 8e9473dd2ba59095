import type { TFunction } from 'i18next';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  AcupunctureDraft,
  NutritionDraft,
  PsychologyDraft,
  SessionNote,
  TrainingDraft,
} from './editor';
import classes from './NoteCard.module.css';

/** At most this much of a free text on the timeline: the note itself has the rest. */
const EXCERPT = 240;
const excerpt = (text: string | undefined) =>
  text && text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : (text ?? '');

/**
 * A note in two lines on the chart's timeline, in its discipline's terms: the complaint and the
 * points, the format and risk, the phase and reintroductions, the exercises and loads. A note
 * the viewer may not read says only that the session took place.
 */
export function NoteSummary({ note }: { note: SessionNote }) {
  const { t } = useTranslation('notes');
  if (note.restricted || note.content === null) {
    return (
      <p className={`${classes.line} ${classes.secondary} ${classes.restricted}`}>
        <IconLock size={14} aria-hidden />
        {t('timeline.restricted')}
      </p>
    );
  }
  const lines = summaryLines(note, t);
  return (
    <>
      {lines.map((line, index) => (
        <p
          key={index}
          className={index === 0 ? classes.line : `${classes.line} ${classes.secondary}`}
        >
          {line}
        </p>
      ))}
    </>
  );
}

type T = TFunction<'notes'>;

function summaryLines(note: SessionNote, t: T): string[] {
  switch (note.discipline) {
    case 'acupuncture': {
      const c = note.content as AcupunctureDraft;
      const points = (c.points ?? []).map((point) => point.code).join(', ');
      return [
        excerpt(c.chiefComplaint),
        [c.patterns?.join(', '), points && t('timeline.points', { points })]
          .filter(Boolean)
          .join(' · '),
      ].filter(Boolean);
    }
    case 'psychology': {
      const c = note.content as PsychologyDraft;
      const first = Object.values(c.sections ?? {}).find(Boolean);
      return [
        [
          c.format,
          c.riskLevel && t('psychology.riskShown', { level: t(`psychology.risk.${c.riskLevel}`) }),
        ]
          .filter(Boolean)
          .join(' · '),
        excerpt(first),
      ].filter(Boolean);
    }
    case 'nutrition': {
      const c = note.content as NutritionDraft;
      const challenges = (c.challenges ?? [])
        .map((challenge) =>
          challenge.severity
            ? `${challenge.food} (${t(`nutrition.severities.${challenge.severity}`)})`
            : challenge.food,
        )
        .filter(Boolean)
        .join(', ');
      return [
        [
          c.phase && t(`nutrition.phases.${c.phase}`),
          c.protocol && t(`nutrition.protocols.${c.protocol}`),
          c.weightKg !== undefined && t('nutrition.weightShown', { kg: c.weightKg }),
          c.adherencePercent !== undefined &&
            t('nutrition.adherenceShown', { percent: c.adherencePercent }),
        ]
          .filter(Boolean)
          .join(' · '),
        challenges && t('timeline.challenges', { list: challenges }),
      ].filter(Boolean) as string[];
    }
    case 'training': {
      const c = note.content as TrainingDraft;
      return [
        (c.exercises ?? [])
          .map((e) =>
            e.loadKg !== undefined
              ? t('timeline.exerciseWithLoad', {
                  name: e.name,
                  sets: e.sets,
                  reps: e.reps,
                  kg: e.loadKg,
                })
              : t('timeline.exercise', { name: e.name, sets: e.sets, reps: e.reps }),
          )
          .join(' · '),
        excerpt(c.notes),
      ].filter(Boolean);
    }
  }
}
