import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { idempotencyKeyFor, type KeyedBody } from '../../lib/idempotency';
import { ConfirmDiscard, useDiscardGuard } from '../../ui/DiscardGuard';
import { showAdminProblem } from './admin-problems';
import { HandOver } from './HandOver';
import { disciplinesFor, inRoleOrder, roleProblems, temporaryPassword } from './person-form';
import { useCreatePerson, type NewPerson, type Person } from './queries';
import { RoleFields } from './RoleFields';

interface Values {
  displayName: string;
  email: string;
  roles: string[];
  disciplines: string[];
  password: string;
}

const FIELDS = ['displayName', 'email', 'roles', 'disciplines', 'password'] as const;
/** The API's words for these fields are English: the screen says it in the user's language. */
const WORDING: Record<string, string> = {
  email: 'people.errors.email',
  displayName: 'people.errors.name',
};

/**
 * "Add a person": name, e-mail, roles and disciplines, and a temporary password made here.
 * Meridian sends no e-mail: the dialog ends by showing what the new person gets and what to
 * hand them, once (the password is not kept readable anywhere).
 */
export function NewPersonDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [created, setCreated] = useState<{ person: Person; password: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  const close = () => {
    setCreated(null);
    setDirty(false);
    onClose();
  };
  const guard = useDiscardGuard(dirty && !created, close);
  return (
    <>
      <Modal
        opened={opened}
        onClose={guard.requestClose}
        title={
          created
            ? t('people.created.title', { name: created.person.displayName })
            : t('people.new.title')
        }
        size="lg"
        closeOnClickOutside={false}
        closeOnEscape={guard.closeOnEscape}
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        {opened && !created && (
          <NewPersonForm
            onCancel={guard.requestClose}
            onDirtyChange={setDirty}
            onCreated={(person, password) => setCreated({ person, password })}
          />
        )}
        {opened && created && (
          <WhatTheyGet
            person={created.person}
            password={created.password}
            onDone={close}
            onAnother={() => {
              setCreated(null);
              setDirty(false);
            }}
          />
        )}
      </Modal>
      <ConfirmDiscard {...guard.confirm} message={t('people.new.discard')} />
    </>
  );
}

function NewPersonForm(props: {
  onCancel(): void;
  onDirtyChange(dirty: boolean): void;
  onCreated(person: Person, password: string): void;
}) {
  const { t, i18n } = useTranslation('admin');
  const create = useCreatePerson();
  const lastKey = useRef<KeyedBody | null>(null);
  const form = useForm<Values>({
    name: 'new-person',
    initialValues: {
      displayName: '',
      email: '',
      roles: [],
      disciplines: [],
      password: temporaryPassword(),
    },
    onValuesChange: (values) =>
      props.onDirtyChange(
        values.displayName.trim() !== '' ||
          values.email.trim() !== '' ||
          values.roles.length > 0 ||
          values.disciplines.length > 0,
      ),
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.displayName.trim()) errors.displayName = t('people.errors.name');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
        errors.email = t('people.errors.email');
      if (values.password.length < 12) errors.password = t('people.errors.passwordShort');
      for (const [field, key] of Object.entries(roleProblems(values.roles, values.disciplines))) {
        errors[field] = t(key);
      }
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    const body: NewPerson = {
      displayName: values.displayName.trim(),
      email: values.email.trim(),
      roles: inRoleOrder(values.roles),
      disciplines: disciplinesFor(values.roles, values.disciplines),
      password: values.password,
    };
    lastKey.current = idempotencyKeyFor(body, lastKey.current);
    create.mutate(
      { body, idempotencyKey: lastKey.current.key },
      {
        onSuccess: (person) => props.onCreated(person, values.password),
        onError: (error) => showAdminProblem(error, form, FIELDS, t, i18n.language, WORDING),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput
            label={t('people.fields.name')}
            required
            maxLength={200}
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('displayName')}
          />
          <TextInput
            label={t('people.fields.email')}
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            {...form.getInputProps('email')}
          />
        </Group>
        <RoleFields
          roles={form.getValues().roles}
          disciplines={form.getValues().disciplines}
          onRoles={(roles) => {
            form.setFieldValue('roles', roles);
            form.clearFieldError('roles');
          }}
          onDisciplines={(disciplines) => {
            form.setFieldValue('disciplines', disciplines);
            form.clearFieldError('disciplines');
          }}
          errors={{
            roles: form.errors.roles as string,
            disciplines: form.errors.disciplines as string,
          }}
        />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label={t('people.fields.password')}
            description={t('people.fields.passwordHelp')}
            required
            autoComplete="off"
            spellCheck={false}
            style={{ flex: 1 }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('password')}
          />
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => form.setFieldValue('password', temporaryPassword())}
          >
            {t('people.new.otherPassword')}
          </Button>
        </Group>
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
          <Text size="sm">{t('people.new.noEmail')}</Text>
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} disabled={create.isPending}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('people.new.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What the new person gets, and what the admin hands them: shown once. */
function WhatTheyGet(props: {
  person: Person;
  password: string;
  onDone(): void;
  onAnother(): void;
}) {
  const { t } = useTranslation('admin');
  const { clinic } = useClinic();
  const { person } = props;
  // Whoever may read the access log must use a second factor, whatever the clinic's setting.
  const secondFactor = clinic.mfaRequired || person.roles.includes('admin');
  return (
    <Stack gap="md">
      <HandOver person={person} password={props.password}>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('people.created.nextTitle', { name: person.displayName })}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>
              {t('people.created.stepSignIn', { address: window.location.origin })}
            </List.Item>
            <List.Item>{t('people.created.stepPassword')}</List.Item>
            {secondFactor && <List.Item>{t('people.created.stepMfa')}</List.Item>}
          </List>
        </Stack>
      </HandOver>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onAnother}>
          {t('people.created.another')}
        </Button>
        <Button onClick={props.onDone} data-autofocus>
          {t('people.created.done')}
        </Button>
      </Group>
    </Stack>
  );
}
