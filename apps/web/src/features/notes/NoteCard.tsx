import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { DISCIPLINE_COLOR } from './disciplines';
import type { SessionNote } from './editor';
import { NoteSummary } from './NoteSummary';
import { useNote } from './queries';

/**
 * One note on the timeline: discipline, date and author, a two-line summary, and its addenda
 * underneath. Memoised: a timeline of hundreds re-renders only the notes that changed.
 */
export const NoteCard = memo(function NoteCard({
  note,
  authorName,
}: {
  note: SessionNote;
  authorName?: string;
}) {
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const { format } = useClinic();
  const color = DISCIPLINE_COLOR[note.discipline];
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={color}>
              {tc(`disciplines.${note.discipline}`)}
            </Badge>
            <Anchor
              fw={600}
              size="sm"
              renderRoot={(props) => (
                <Link to="/notes/$noteId" params={{ noteId: note.id }} {...props} />
              )}
            >
              {format.longDate(note.sessionDate)}
            </Anchor>
            <Text size="sm" c="gray.7">
              {authorName ?? ''}
            </Text>
          </Group>
          {note.status === 'draft' && (
            <Badge variant="light" color="yellow">
              {t('status.draft')}
            </Badge>
          )}
        </Group>
        <NoteSummary note={note} />
        {note.addendaCount > 0 && !note.restricted && <AddendaUnder noteId={note.id} />}
        {note.addendaCount > 0 && note.restricted && (
          <Text size="xs" c="gray.7">
            {t('timeline.addendaCount', { count: note.addendaCount })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
});

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
