import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { QueryState } from '../../ui/QueryState';
import type { Client } from '../clients/client-form';
import { useStaffDirectory } from '../staff/queries';
import { DISCIPLINES, isDiscipline } from './disciplines';
import { NewNoteDialog } from './NewNoteDialog';
import { NoteCard, type TimelineLabels } from './NoteCard';
import { useClientNotes } from './queries';

const route = getRouteApi('/clients/$clientId');

/**
 * The chart's timeline: the care team's notes of every discipline, newest session first,
 * filtered to one discipline from the URL. Psychology notes read "restricted" for everyone but
 * the psychologists; addenda sit under their note. A practitioner starts a note from here.
 */
export function NotesTab({ client }: { client: Client }) {
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const { can, me } = useClinic();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const discipline = isDiscipline(search.discipline) ? search.discipline : undefined;
  const notes = useClientNotes(client.id, discipline);
  const staff = useStaffDirectory();
  const names = useMemo(
    () => new Map((staff.data ?? []).map((member) => [member.id, member.displayName])),
    [staff.data],
  );
  const nameOf = (id: string) => names.get(id);
  const [creating, setCreating] = useState(false);
  const labels = useMemo<TimelineLabels>(
    () => ({
      disciplines: Object.fromEntries(
        DISCIPLINES.map((value) => [value, tc(`disciplines.${value}`)]),
      ) as TimelineLabels['disciplines'],
      draft: t('status.draft'),
      addendaCount: (count) => t('timeline.addendaCount', { count }),
    }),
    [t, tc],
  );
  const mayWrite =
    can('session-notes:write') && me.disciplines.length > 0 && client.status === 'active';
  // For `npm run bench:web`: when the notes (and their authors' names) arrived, and when their
  // cards are in the DOM.
  useLayoutEffect(() => {
    if (!notes.data || !staff.data) return;
    const arrived = Math.max(notes.dataUpdatedAt, staff.dataUpdatedAt) - performance.timeOrigin;
    // A wall clock set back since the page opened must not make the mark throw.
    performance.mark('meridian:notes:data', { startTime: Math.max(0, arrived) });
    performance.mark('meridian:notes:rendered');
  }, [notes.data, staff.data]);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label={t('timeline.filter')}
          value={discipline ?? 'all'}
          data={[
            { value: 'all', label: t('timeline.all') },
            ...DISCIPLINES.map((value) => ({ value, label: tc(`disciplines.${value}`) })),
          ]}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({ ...prev, discipline: value === 'all' ? undefined : value }),
              replace: true,
            })
          }
        />
        {mayWrite && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('timeline.newNote')}
          </Button>
        )}
      </Group>
      <QueryState
        query={notes}
        isEmpty={(data) => data.pages[0].data.length === 0}
        empty={
          <Text size="sm" c="gray.7" py="md">
            {discipline
              ? t('timeline.emptyDiscipline', { discipline: tc(`disciplines.${discipline}`) })
              : t('timeline.empty')}
          </Text>
        }
      >
        {(data) => (
          <Stack
            gap="sm"
            component="ol"
            aria-label={t('timeline.label')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {data.pages.flatMap((page) =>
              page.data.map((note) => (
                <NoteCard
                  key={note.id}
                  note={note}
                  authorName={nameOf(note.practitionerId)}
                  labels={labels}
                />
              )),
            )}
          </Stack>
        )}
      </QueryState>
      {notes.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          loading={notes.isFetchingNextPage}
          onClick={() => void notes.fetchNextPage()}
        >
          {tc('actions.loadMore')}
        </Button>
      )}
      {mayWrite && (
        <NewNoteDialog opened={creating} clientId={client.id} onClose={() => setCreating(false)} />
      )}
    </Stack>
  );
}
