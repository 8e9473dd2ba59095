import { Alert, Anchor, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconArrowLeft, IconEye } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { notifyProblem } from '../../ui/problems';
import { notifyDone } from '../../ui/notify';
import type { Client } from './client-form';
import { useSetArchived } from './queries';
import { ClinicalSummary } from './ClinicalSummary';
import { StatusBadge } from './StatusBadge';

/** Whole years from a date of birth to `today` (both `YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * Who the client is at a glance (name, number, age and date of birth, status), and archiving
 * with a confirmation; an archived record says so in words, not only by its badge.
 */
export function ClientHeader({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const { t: tc, i18n } = useTranslation();
  const { format, timeZone, can } = useClinic();
  const [confirming, setConfirming] = useState(false);
  const setArchived = useSetArchived(client.id);
  const archived = client.status === 'archived';
  const erased = client.erasedAt !== null;
  const name = `${client.firstName} ${client.lastName}`;
  const mayArchive = can('clients:write') && !erased;

  const confirm = async () => {
    try {
      await setArchived.mutateAsync(!archived);
      notifyDone(t(archived ? 'archive.unarchived' : 'archive.archived', { name }));
      setConfirming(false);
    } catch (error) {
      notifyProblem(error, tc, i18n.language);
    }
  };

  return (
    <Stack gap="xs">
      <Anchor component={Link} to="/clients" size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
        {t('list.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {name}
            </Title>
            <StatusBadge status={client.status} size="md" />
          </Group>
          <Text size="sm" c="dimmed">
            {t('header.facts', {
              number: client.clientNumber,
              age: ageOn(client.dateOfBirth, todayIn(timeZone)),
              born: format.date(client.dateOfBirth),
            })}
          </Text>
          {client.view === 'clinical' && <ClinicalSummary client={client} />}
        </Stack>
        <Group gap="sm">
          {/* Who saw this record, for the client who asks (admins: the access log's permission). */}
          {can('audit:read') && (
            <Button
              renderRoot={(props) => (
                <Link to="/privacy/clients/$clientId" params={{ clientId: client.id }} {...props} />
              )}
              variant="default"
              leftSection={<IconEye size={16} aria-hidden />}
            >
              {t('header.accessOverview')}
            </Button>
          )}
          {mayArchive && !archived && (
            <Button
              variant="default"
              leftSection={<IconArchive size={16} aria-hidden />}
              onClick={() => setConfirming(true)}
            >
              {t('archive.archive')}
            </Button>
          )}
        </Group>
      </Group>
      {archived && (
        <Alert
          color="gray"
          variant="light"
          icon={<IconArchive size={18} aria-hidden />}
          title={t('archive.bannerTitle')}
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {client.archivedAt
                ? t('archive.bannerSince', { date: format.dateTime(client.archivedAt) })
                : t('archive.bannerBody')}
            </Text>
            {mayArchive && (
              <Button
                size="xs"
                variant="white"
                leftSection={<IconArchiveOff size={14} aria-hidden />}
                onClick={() => setConfirming(true)}
              >
                {t('archive.unarchive')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {erased && (
        <Alert color="red" variant="light" title={t('header.erasedTitle')}>
          {t('header.erasedBody')}
        </Alert>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t(archived ? 'archive.confirmUnarchiveTitle' : 'archive.confirmTitle', { name })}
        centered
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
      >
        <Stack gap="md">
          <Text size="sm">
            {t(archived ? 'archive.confirmUnarchiveBody' : 'archive.confirmBody', { name })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {tc('actions.cancel')}
            </Button>
            <Button
              onClick={() => void confirm()}
              loading={setArchived.isPending}
              leftSection={
                archived ? (
                  <IconArchiveOff size={16} aria-hidden />
                ) : (
                  <IconArchive size={16} aria-hidden />
                )
              }
            >
              {t(archived ? 'archive.unarchive' : 'archive.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
