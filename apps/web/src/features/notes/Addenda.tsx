import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { notifyDone } from '../../ui/notify';
import { showProblem } from '../../ui/problems';
import { useStaffDirectory } from '../staff/queries';
import type { SessionNote } from './editor';
import { useAddAddendum } from './queries';

/**
 * A signed note's addenda, oldest first, and adding one: what was learnt after signing and
 * why it is added, by whom and when. The note itself never changes.
 */
export function Addenda({ note }: { note: SessionNote }) {
  const { t } = useTranslation('notes');
  const { format, me } = useClinic();
  const staff = useStaffDirectory();
  const nameOf = (id: string) => staff.data?.find((member) => member.id === id)?.displayName;
  const [adding, setAdding] = useState(false);
  const mayAdd = me.disciplines.includes(note.discipline) && !note.restricted;
  const addenda = note.addenda ?? [];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('addenda.title', { count: addenda.length })}
        </Title>
        {mayAdd && !adding && (
          <Button
            variant="light"
            size="sm"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('addenda.add')}
          </Button>
        )}
      </Group>
      {addenda.length === 0 && !adding && (
        <Text size="sm" c="gray.7">
          {t('addenda.none')}
        </Text>
      )}
      {addenda.map((addendum) => (
        <Paper key={addendum.id} withBorder p="sm" radius="md">
          <Text size="sm" c="gray.7">
            {t('addenda.byline', {
              name: nameOf(addendum.authorId) ?? '…',
              when: format.dateTime(addendum.createdAt),
            })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {addendum.text}
          </Text>
          {addendum.reason && (
            <Text size="sm" c="gray.7">
              {t('addenda.reasonShown', { reason: addendum.reason })}
            </Text>
          )}
        </Paper>
      ))}
      {adding && <AddendumForm noteId={note.id} onDone={() => setAdding(false)} />}
    </Stack>
  );
}

function AddendumForm({ noteId, onDone }: { noteId: string; onDone(): void }) {
  const { t } = useTranslation('notes');
  const { t: tc, i18n } = useTranslation();
  const add = useAddAddendum(noteId);
  const form = useForm({
    initialValues: { text: '', reason: '' },
    validate: {
      text: (value) => (value.trim() ? null : t('addenda.textRequired')),
      reason: (value) => (value.trim() ? null : t('addenda.reasonRequired')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await add.mutateAsync({ text: values.text.trim(), reason: values.reason.trim() });
      notifyDone(t('addenda.added'));
      onDone();
    } catch (error) {
      showProblem(error, form, ['text', 'reason'], tc, i18n.language);
    }
  });
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Textarea
          label={t('addenda.text')}
          autosize
          minRows={3}
          maxLength={10000}
          data-autofocus
          {...form.getInputProps('text')}
        />
        <Textarea
          label={t('addenda.reason')}
          description={t('addenda.reasonHint')}
          autosize
          minRows={1}
          maxLength={1000}
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('addenda.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
