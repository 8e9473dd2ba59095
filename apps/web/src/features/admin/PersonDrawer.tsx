import {
  Alert,
  Button,
  Divider,
  Drawer,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconUserOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { useClinic } from '../../app/clinic-context';
import { notifyDone } from '../../ui/notify';
import { showAdminProblem } from './admin-problems';
import { changeRefusal, accountActionRefusal, personChange, roleProblems } from './person-form';
import {
  adminKeys,
  fetchPerson,
  useDeactivatePerson,
  useUpdatePerson,
  type Person,
} from './queries';
import { RoleFields } from './RoleFields';
import { SignInState } from './SignInState';
import { TemporaryPassword } from './TemporaryPassword';

interface Props {
  personId?: string;
  /** The people list as loaded: the drawer shows its record. */
  people?: Person[];
  onClose(): void;
}

/** A person beside the list: how they sign in, their roles and disciplines, deactivation. */
export function PersonDrawer({ personId, people, onClose }: Props) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const person = people?.find((p) => p.id === personId);
  return (
    <Drawer
      opened={personId !== undefined}
      onClose={onClose}
      position="right"
      size={520}
      title={person?.displayName ?? t('people.person')}
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {people && !person && <Text size="sm">{t('problems.personNotFound')}</Text>}
      {person && <PersonDetail key={person.id} person={person} />}
    </Drawer>
  );
}

function PersonDetail({ person }: { person: Person }) {
  const { t } = useTranslation('admin');
  const { me, format } = useClinic();
  const refusal = changeRefusal(person, me);
  return (
    <Stack gap="md">
      <SignInState person={person} />
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('people.fields.email')}
        </Text>
        <Text size="sm">{person.email}</Text>
      </Stack>
      <Text size="xs" c="dimmed">
        {t('people.addedOn', { when: format.dateTime(person.createdAt) })}
      </Text>
      <Divider />
      {refusal === null ? (
        <EditRoles person={person} />
      ) : (
        <ReadOnlyRoles person={person} refusal={refusal} />
      )}
      <TemporaryPassword person={person} />
      <Deactivation person={person} />
    </Stack>
  );
}

function ReadOnlyRoles({
  person,
  refusal,
}: {
  person: Person;
  refusal: 'deactivated' | 'adminOnly';
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('people.rolesTitle')}
      </Title>
      <Text size="sm">{person.roles.map((role) => tc(`roles.${role}`)).join(', ')}</Text>
      {person.disciplines.length > 0 && (
        <Text size="sm">{person.disciplines.map((d) => tc(`disciplines.${d}`)).join(', ')}</Text>
      )}
      <Text size="sm" c="dimmed">
        {t(refusal === 'adminOnly' ? 'people.adminOnly' : 'people.deactivatedNoChange')}
      </Text>
    </Stack>
  );
}

/**
 * Roles and disciplines, saved with the version they were chosen on. A colleague's change in
 * between (412) is shown beside the user's choice, which stays until the user picks one.
 */
function EditRoles({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdatePerson(person.id);
  const [base, setBase] = useState(person);
  const [roles, setRoles] = useState<string[]>(person.roles);
  const [disciplines, setDisciplines] = useState<string[]>(person.disciplines);
  const [errors, setErrors] = useState<{ roles?: string; disciplines?: string }>({});
  const [theirs, setTheirs] = useState<Person | null>(null);
  const body = personChange(base, roles, disciplines);
  const changed = Object.keys(body).length > 0;

  const names = (p: Pick<Person, 'roles' | 'disciplines'>) =>
    [
      p.roles.map((role) => tc(`roles.${role}`)).join(', '),
      p.disciplines.map((d) => tc(`disciplines.${d}`)).join(', '),
    ]
      .filter(Boolean)
      .join(' · ');

  const save = async () => {
    const problems = roleProblems(roles, disciplines);
    setErrors(Object.fromEntries(Object.entries(problems).map(([k, key]) => [k, t(key)])));
    if (Object.keys(problems).length > 0 || !changed) return;
    try {
      setBase(await update.mutateAsync({ version: base.version, body }));
      setTheirs(null);
      notifyDone(t('people.saved', { name: person.displayName }));
    } catch (error) {
      if (isApiProblem(error) && error.status === 412) {
        try {
          const latest = await fetchPerson(person.id);
          queryClient.setQueryData<Person[]>(adminKeys.people, (before) =>
            before?.map((p) => (p.id === latest.id ? latest : p)),
          );
          setBase(latest);
          setTheirs(latest);
        } catch (reloadError) {
          showAdminProblem(reloadError, { setErrors }, [], t, i18n.language);
        }
        return;
      }
      showAdminProblem(error, { setErrors }, ['roles', 'disciplines'], t, i18n.language);
    }
  };

  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        {t('people.rolesTitle')}
      </Title>
      {theirs && (
        <Alert
          color="yellow"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('people.conflict.title')}
          styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
        >
          <Stack gap={6}>
            <Text size="sm">{t('people.conflict.body', { theirs: names(theirs) })}</Text>
            <Group gap="sm">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setRoles(theirs.roles);
                  setDisciplines(theirs.disciplines);
                  setTheirs(null);
                }}
              >
                {t('people.conflict.takeTheirs')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <RoleFields
        roles={roles}
        disciplines={disciplines}
        onRoles={(next) => {
          setRoles(next);
          setErrors((e) => ({ ...e, roles: undefined }));
        }}
        onDisciplines={(next) => {
          setDisciplines(next);
          setErrors((e) => ({ ...e, disciplines: undefined }));
        }}
        errors={errors}
      />
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={update.isPending} disabled={!changed}>
          {t('people.saveRoles')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * "Deactivate", confirmed, saying what it does: the API revokes every session at once, so the
 * person is signed out everywhere within a minute and cannot sign in again; nothing they wrote
 * goes, and there is no way back.
 */
function Deactivation({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { me } = useClinic();
  const deactivate = useDeactivatePerson(person.id);
  const [asking, setAsking] = useState(false);
  const refusal = accountActionRefusal(person, me);
  // A deactivated account has nothing left to do; an admin's, the roles above say why not.
  if (refusal === 'deactivated' || refusal === 'adminOnly') return null;
  return (
    <>
      <Divider />
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('people.deactivate.title')}
        </Title>
        {refusal === null ? (
          <>
            <Text size="sm">{t('people.deactivate.summary')}</Text>
            <Group>
              <Button
                variant="outline"
                color="red.9"
                leftSection={<IconUserOff size={16} aria-hidden />}
                onClick={() => setAsking(true)}
              >
                {t('people.deactivate.open')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('people.deactivate.notSelf')}
          </Text>
        )}
      </Stack>
      <Modal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('people.deactivate.confirmTitle', { name: person.displayName })}
        size="md"
        zIndex={400}
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        <Stack gap="md">
          <List size="sm" spacing={6}>
            <List.Item>{t('people.deactivate.sessions', { name: person.displayName })}</List.Item>
            <List.Item>{t('people.deactivate.signIn')}</List.Item>
            <List.Item>{t('people.deactivate.records')}</List.Item>
            <List.Item>{t('people.deactivate.work')}</List.Item>
            <List.Item>{t('people.deactivate.final')}</List.Item>
          </List>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(false)} data-autofocus>
              {tc('actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={deactivate.isPending}
              onClick={() =>
                deactivate.mutate(undefined, {
                  onSuccess: () => {
                    setAsking(false);
                    notifyDone(t('people.deactivate.done', { name: person.displayName }));
                  },
                  onError: (error) => {
                    setAsking(false);
                    showAdminProblem(error, { setErrors: () => undefined }, [], t, i18n.language);
                  },
                })
              }
            >
              {t('people.deactivate.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
