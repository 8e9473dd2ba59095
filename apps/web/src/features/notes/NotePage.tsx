import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconLock, IconSignature, IconTrash } from '@tabler/icons-react';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { problemMessage } from '../../app/session/problem-message';
import { QueryState } from '../../ui/QueryState';
import { notifyDone } from '../../ui/notify';
import { notifyProblem } from '../../ui/problems';
import { useClient } from '../clients/queries';
import { useStaffDirectory } from '../staff/queries';
import { Addenda } from './Addenda';
import { ConflictBanner } from './ConflictBanner';
import type { SessionNote } from './editor';
import { NoteEditor } from './NoteEditor';
import { useDeleteDraft, useNote } from './queries';
import { SaveStatus } from './SaveStatus';
import { SignDialog } from './SignDialog';
import { useAutosave } from './use-autosave';

const route = getRouteApi('/notes/$noteId');

/**
 * `/notes/$noteId`: one session note. The author's draft is written here (it saves itself, and
 * is signed from here); a signed note is read, with its addenda and a way to add one. A note
 * the user may not read in full (psychology, for others) says only that the session happened.
 */
export function NotePage() {
  const { noteId } = route.useParams();
  const note = useNote(noteId);
  return (
    <QueryState query={note}>{(loaded) => <NoteScreen key={loaded.id} note={loaded} />}</QueryState>
  );
}

function NoteScreen({ note }: { note: SessionNote }) {
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  const { me, format } = useClinic();
  const client = useClient(note.clientId);
  const staff = useStaffDirectory();
  const author = staff.data?.find((member) => member.id === note.practitionerId)?.displayName;
  const clientName = client.data ? `${client.data.firstName} ${client.data.lastName}` : '';
  const writable = note.status === 'draft' && note.practitionerId === me.id;

  return (
    <Stack gap="md" maw={960}>
      <Anchor
        size="sm"
        w="fit-content"
        renderRoot={(props) => (
          <Link
            to="/clients/$clientId"
            params={{ clientId: note.clientId }}
            search={{ tab: 'notes' }}
            {...props}
          />
        )}
      >
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {clientName ? t('page.backTo', { name: clientName }) : t('page.backToChart')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('page.title', {
            discipline: tc(`disciplines.${note.discipline}`),
            name: clientName,
          })}
        </Title>
        <Group gap="sm">
          <Text size="sm" c="gray.7">
            {t('page.facts', {
              date: format.longDate(note.sessionDate),
              author: author ?? '…',
            })}
          </Text>
          <Badge variant="light" color={note.status === 'signed' ? 'teal' : 'yellow'}>
            {t(`status.${note.status}`)}
          </Badge>
        </Group>
      </Stack>
      {note.restricted ? (
        <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />}>
          {t('restricted.body')}
        </Alert>
      ) : writable ? (
        <DraftEditor note={note} />
      ) : (
        <SignedNote note={note} authorName={author} />
      )}
    </Stack>
  );
}

/** The author's draft: the editor, where it stands, signing and deleting. */
function DraftEditor({ note }: { note: SessionNote }) {
  const { t } = useTranslation('notes');
  const { t: tc, i18n } = useTranslation();
  const { me } = useClinic();
  const navigate = useNavigate();
  const draft = useAutosave<unknown>(note, me.id);
  const [signing, setSigning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const deleteDraft = useDeleteDraft();
  const { state } = draft;

  const remove = async () => {
    try {
      await draft.saver.flush();
      await deleteDraft.mutateAsync({ id: note.id, version: draft.saver.getSnapshot().version });
      notifyDone(t('delete.done'));
      void navigate({
        to: '/clients/$clientId',
        params: { clientId: note.clientId },
        search: { tab: 'notes' },
      });
    } catch (error) {
      notifyProblem(error, tc, i18n.language);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SaveStatus state={state} />
        <Group gap="sm">
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => setDeleting(true)}
          >
            {t('delete.action')}
          </Button>
          <Button
            leftSection={<IconSignature size={16} aria-hidden />}
            onClick={() => setSigning(true)}
            disabled={state.kind === 'conflict'}
          >
            {t('sign.action')}
          </Button>
        </Group>
      </Group>
      {state.kind === 'conflict' && (
        <ConflictBanner
          theirs={state.theirs}
          onKeepMine={() => draft.saver.resolveConflict('mine')}
          onTakeTheirs={() => draft.saver.resolveConflict('theirs')}
        />
      )}
      {state.kind === 'failed' && (
        <Alert color="red" variant="light" role="alert" title={t('save.failedTitle')}>
          {problemMessage(state.error, tc, i18n.language)}
        </Alert>
      )}
      {state.kind === 'offline' && (
        <Alert color="orange" variant="light" title={t('save.offlineTitle')}>
          {t('save.offlineBody')}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <NoteEditor
          note={note}
          content={draft.content}
          onChange={(content) => draft.saver.edit(content)}
          errors={draft.errors}
          readOnly={false}
        />
      </Paper>
      <SignDialog
        opened={signing}
        note={note}
        saver={draft.saver}
        onClose={() => setSigning(false)}
      />
      <ConfirmDelete
        opened={deleting}
        busy={deleteDraft.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() => void remove()}
      />
    </Stack>
  );
}

function SignedNote({ note, authorName }: { note: SessionNote; authorName?: string }) {
  const { t } = useTranslation('notes');
  const { format } = useClinic();
  return (
    <Stack gap="md">
      {note.signature && (
        <Text size="sm" c="gray.7">
          {t('signed.by', {
            name: authorName ?? '…',
            when: format.dateTime(note.signature.signedAt),
          })}
        </Text>
      )}
      {note.signature?.intact === false && (
        <Alert color="red" variant="light" role="alert" title={t('signed.brokenTitle')}>
          {t('signed.brokenBody')}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
        <NoteEditor note={note} content={note.content} onChange={() => {}} errors={{}} readOnly />
      </Paper>
      {note.status === 'signed' && <Addenda note={note} />}
    </Stack>
  );
}

function ConfirmDelete(props: {
  opened: boolean;
  busy: boolean;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { t } = useTranslation('notes');
  const { t: tc } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onCancel}
      title={t('delete.title')}
      centered
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('delete.body')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} data-autofocus>
            {tc('actions.cancel')}
          </Button>
          <Button color="red" onClick={props.onConfirm} loading={props.busy}>
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
