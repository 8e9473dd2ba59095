import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap, api } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { showProblem } from '../../ui/problems';
import { notifyDone } from '../../ui/notify';
import {
  CONTACT_FIELDS,
  contactValuesOf,
  displayPhone,
  mergeOnConflict,
  placeFieldErrors,
  updateBody,
  validateContact,
  type Client,
  type ContactKey,
  type ContactValues,
} from './client-form';
import { ContactFields, useLanguageOptions } from './ContactFields';
import { clientKeys, useUpdateClient } from './queries';
import classes from './clients.module.css';

/**
 * Identity and contact, as the user's view carries them (reception: contact), and the edit
 * form. A record the user may see only the identity of is not edited here: a form would show
 * its contact fields empty and a save could clear them.
 */
export function OverviewTab({ client }: { client: Client }) {
  const { can } = useClinic();
  const [editing, setEditing] = useState(false);
  const editable = can('clients:write') && client.view !== 'identity' && client.erasedAt === null;
  if (editing && editable) {
    return <EditContact client={client} onDone={() => setEditing(false)} />;
  }
  return <ContactDetails client={client} onEdit={editable ? () => setEditing(true) : undefined} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

function ContactDetails({ client, onEdit }: { client: Client; onEdit?: () => void }) {
  const { t } = useTranslation('clients');
  const { t: tc } = useTranslation();
  const { format } = useClinic();
  const languages = useLanguageOptions(client.preferredLanguage ?? '');
  const language = languages.find((option) => option.value === client.preferredLanguage)?.label;
  const contact = client.view !== 'identity';
  const gp = client.generalPractitioner;
  const ec = client.emergencyContact;
  const phone = (value: string | null | undefined) =>
    value ? <Anchor href={`tel:${value}`}>{displayPhone(value)}</Anchor> : null;
  return (
    <Paper withBorder p="lg">
      <Stack gap="lg">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('overview.title')}
          </Title>
          {onEdit && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={onEdit}
            >
              {tc('actions.edit')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" verticalSpacing="lg">
          <Stack gap="sm">
            <Text fw={600} size="sm">
              {t('form.person')}
            </Text>
            <Field label={t('form.firstName')}>{client.firstName}</Field>
            <Field label={t('form.lastName')}>{client.lastName}</Field>
            <Field label={t('form.dateOfBirth')}>{format.date(client.dateOfBirth)}</Field>
            <Field label={t('form.sex')}>{client.sex ? t(`sex.${client.sex}`) : null}</Field>
            <Field label={t('form.preferredLanguage')}>{language}</Field>
          </Stack>
          {contact && (
            <>
              <Stack gap="sm">
                <Text fw={600} size="sm">
                  {t('form.contact')}
                </Text>
                <Field label={t('form.email')}>
                  {client.email ? (
                    <Anchor href={`mailto:${client.email}`} style={{ wordBreak: 'break-all' }}>
                      {client.email}
                    </Anchor>
                  ) : null}
                </Field>
                <Field label={t('form.phone')}>{phone(client.phone)}</Field>
                <Field label={t('form.address')}>
                  {client.street || client.postalCode || client.city ? (
                    <>
                      {client.street}
                      {client.street && <br />}
                      {[client.postalCode, client.city].filter(Boolean).join('  ')}
                    </>
                  ) : null}
                </Field>
              </Stack>
              <Stack gap="sm">
                <Text fw={600} size="sm">
                  {t('form.generalPractitioner')}
                </Text>
                <Field label={t('form.gpName')}>{gp?.name}</Field>
                <Field label={t('form.gpPractice')}>{gp?.practice}</Field>
                <Field label={t('form.gpPhone')}>{phone(gp?.phone)}</Field>
              </Stack>
              <Stack gap="sm">
                <Text fw={600} size="sm">
                  {t('form.emergencyContact')}
                </Text>
                <Field label={t('form.emergencyName')}>
                  {ec ? (ec.relation ? `${ec.name} (${ec.relation})` : ec.name) : null}
                </Field>
                <Field label={t('form.emergencyPhone')}>{phone(ec?.phone)}</Field>
              </Stack>
            </>
          )}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('overview.updated', { date: format.dateTime(client.updatedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

interface Conflict {
  /** Fields a colleague changed meanwhile. */
  theirs: ContactKey[];
  /** Of those, the ones the user changed too: the user's value is in the form, theirs here. */
  conflicts: { key: ContactKey; value: string }[];
}

/** The colleague's value of a field, as the read view would show it. */
function shown(key: ContactKey, values: ContactValues): string {
  const value = values[key];
  if (typeof value === 'string') return value;
  return Object.values(value).filter(Boolean).join(', ');
}

/**
 * The edit form. The change goes with the version it was made on; when a colleague saved in
 * between (412), the latest record is loaded, the user's edits are kept on top of it, and
 * what the colleague changed is named, so the user decides what to save.
 */
function EditContact({ client, onDone }: { client: Client; onDone(): void }) {
  const { t, i18n } = useTranslation('clients');
  const { t: tc } = useTranslation();
  const { format, timeZone } = useClinic();
  const queryClient = useQueryClient();
  const update = useUpdateClient(client.id);
  const [base, setBase] = useState(() => ({
    version: client.version,
    values: contactValuesOf(client, format.date),
  }));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const form = useForm<ContactValues>({
    name: 'edit-client',
    initialValues: base.values,
    validate: (values) => validateContact(values, t, todayIn(timeZone)),
  });
  const label = (key: ContactKey) => t(`fields.${key}`);

  const reloadLatest = async () => {
    const latest = await unwrap(
      api.GET('/api/v1/clients/{id}', { params: { path: { id: client.id } } }),
    );
    queryClient.setQueryData(clientKeys.one(client.id), latest);
    const latestValues = contactValuesOf(latest, format.date);
    const merged = mergeOnConflict(base.values, latestValues, form.getValues());
    setBase({ version: latest.version, values: latestValues });
    form.setValues(merged.values);
    setConflict({
      theirs: merged.theirs,
      conflicts: merged.conflicts.map((key) => ({ key, value: shown(key, latestValues) })),
    });
  };

  const submit = form.onSubmit(
    async (values) => {
      const body = updateBody(base.values, values);
      if (Object.keys(body).length === 0) {
        onDone();
        return;
      }
      try {
        await update.mutateAsync({ version: base.version, body });
        notifyDone(t('overview.saved'));
        onDone();
      } catch (error) {
        if (isApiProblem(error) && error.status === 412) {
          try {
            await reloadLatest();
          } catch (reloadError) {
            showProblem(reloadError, form, CONTACT_FIELDS, tc, i18n.language);
          }
          return;
        }
        showProblem(
          error,
          { setErrors: (errors) => form.setErrors(placeFieldErrors(errors, t)) },
          CONTACT_FIELDS,
          tc,
          i18n.language,
        );
      }
    },
    (errors) => {
      const first = CONTACT_FIELDS.find((path) => errors[path]);
      if (first) form.getInputNode(first)?.focus();
    },
  );

  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={submit}
        noValidate
        aria-label={t('overview.editTitle')}
        className={classes.readableErrors}
      >
        <Stack gap="lg">
          <Title order={2} size="h4">
            {t('overview.editTitle')}
          </Title>
          {conflict && (
            <Alert
              color="yellow"
              variant="light"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('conflict.title')}
              // The yellow title reads at under 4.5:1; dark text on the light yellow does not.
              styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
            >
              <Stack gap={6}>
                <Text size="sm">
                  {conflict.theirs.length > 0
                    ? t('conflict.changed', {
                        fields: conflict.theirs.map(label).join(', '),
                      })
                    : t('conflict.changedOther')}
                </Text>
                {conflict.conflicts.map(({ key, value }) => (
                  <Text size="sm" key={key}>
                    {t('conflict.both', { field: label(key), value: value || t('conflict.empty') })}
                  </Text>
                ))}
                <Text size="sm">{t('conflict.next')}</Text>
                <Group gap="sm">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => {
                      form.setValues(base.values);
                      setConflict(null);
                    }}
                  >
                    {t('conflict.discardMine')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <ContactFields form={form} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone} disabled={update.isPending}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
