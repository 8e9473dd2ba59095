import { Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { DISCIPLINE_COLOR } from './disciplines';
import type { SessionNote } from './editor';
import classes from './NoteCard.module.css';
import { NoteSummary } from './NoteSummary';
import { useNote } from './queries';

/**
 * One note on the timeline: discipline, date and author, a two-line summary, and its addenda
 * underneath. Memoised: a timeline of hundreds re-renders only the notes that changed.
 */
export const NoteCard = memo(function NoteCard({
  note,
  authorName,
  labels,
}: {
  note: SessionNote;
  authorName?: string;
  /** Words every card shows, translated once per timeline rather than once per card. */
  labels: TimelineLabels;
}) {
  const { format } = useClinic();
  const color = DISCIPLINE_COLOR[note.discipline];
  return (
    <li className={classes.card} style={{ borderLeftColor: `var(--mantine-color-${color}-6)` }}>
      <div className={classes.head}>
        <div className={classes.meta}>
          <span
            className={classes.badge}
            style={{
              background: `var(--mantine-color-${color}-light)`,
              color: `var(--mantine-color-${color}-light-color)`,
            }}
          >
            {labels.disciplines[note.discipline]}
          </span>
          <Link to="/notes/$noteId" params={{ noteId: note.id }} className={classes.date}>
            {format.longDate(note.sessionDate)}
          </Link>
          <span className={classes.author}>{authorName ?? ''}</span>
        </div>
        {note.status === 'draft' && (
          <span
            className={classes.badge}
            style={{
              background: 'var(--mantine-color-yellow-light)',
              color: 'var(--mantine-color-yellow-light-color)',
            }}
          >
            {labels.draft}
          </span>
        )}
      </div>
      <NoteSummary note={note} />
      {note.addendaCount > 0 && !note.restricted && <AddendaUnder noteId={note.id} />}
      {note.addendaCount > 0 && note.restricted && (
        <p className={`${classes.line} ${classes.secondary}`}>
          {labels.addendaCount(note.addendaCount)}
        </p>
      )}
    </li>
  );
});

export interface TimelineLabels {
  disciplines: Record<SessionNote['discipline'], string>;
  draft: string;
  addendaCount(count: number): string;
}

/** A note's addenda under it (the list answers counts only; the note itself has them). */
function AddendaUnder({ noteId }: { noteId: string }) {
  const { t } = useTranslation('notes');
  const { format } = useClinic();
  const note = useNote(noteId);
  return (
    <Stack gap={2} pl="md" mt={4} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
      {(note.data?.addenda ?? []).map((addendum) => (
        <Text key={addendum.id} size="sm">
          <Text span size="sm" fw={600}>
            {t('timeline.addendum', { when: format.dateTime(addendum.createdAt) })}
          </Text>{' '}
          {addendum.text}
        </Text>
      ))}
    </Stack>
  );
}
