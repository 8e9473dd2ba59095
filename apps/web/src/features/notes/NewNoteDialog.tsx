import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import type { Discipline } from './editor';
import { useStartNote } from './start-note';

/**
 * A note not tied to an appointment (a phone session, yesterday's note): in one of the
 * practitioner's own disciplines, for today or an earlier day on the clinic's calendar.
 */
export function NewNoteDialog(props: { opened: boolean; clientId: string; onClose(): void }) {
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const { me, timeZone } = useClinic();
  const today = todayIn(timeZone);
  const [discipline, setDiscipline] = useState<Discipline>(me.disciplines[0]);
  const [date, setDate] = useState(today);
  const { start, pending } = useStartNote(props.clientId);
  const dateError = !date
    ? t('newNote.dateRequired')
    : date > today
      ? t('newNote.notFuture')
      : undefined;

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('newNote.title')}
      centered
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!dateError) void start({ discipline, sessionDate: date });
        }}
      >
        <Stack gap="md">
          {me.disciplines.length > 1 && (
            <NativeSelect
              label={t('newNote.discipline')}
              value={discipline}
              data={me.disciplines.map((value) => ({ value, label: tc(`disciplines.${value}`) }))}
              onChange={(event) => setDiscipline(event.currentTarget.value as Discipline)}
            />
          )}
          <TextInput
            type="date"
            label={t('newNote.date')}
            max={today}
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={date ? dateError : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={dateError !== undefined}>
              {t('newNote.start', {
                discipline: tc(`disciplines.${discipline}`).toLocaleLowerCase(),
              })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
