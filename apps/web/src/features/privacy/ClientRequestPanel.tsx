import { Alert, Button, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileDescription, IconTrash } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { notifyDone } from '../../ui/notify';
import type { ClientSummary } from '../clients/ClientPicker';
import { fileNamePart, saveFile } from './download';
import { notifyPrivacyProblem } from './privacy-problems';
import { fetchClientExport, useRequestErasure } from './queries';

type Client = ClientSummary & { erasedAt: string | null };

/**
 * What can be done for the client who asks: the access overview to hand them, the export of
 * everything held (downloaded as a file, made here from the API's document), and recording an
 * erasure request. The export needs a session with a second factor; without one it says so.
 */
export function ClientRequestPanel({ client }: { client: Client }) {
  const { t, i18n } = useTranslation(['privacy', 'common']);
  const { me, can, format, timeZone } = useClinic();
  const requestErasure = useRequestErasure();
  const [exporting, setExporting] = useState(false);
  const erased = client.erasedAt !== null;

  const downloadExport = async () => {
    setExporting(true);
    try {
      const document = await fetchClientExport(client.id);
      const name = `meridian-export-${fileNamePart(client.clientNumber)}-${todayIn(timeZone)}.json`;
      saveFile(name, JSON.stringify(document, null, 2), 'application/json');
      notifyDone(t('requests.exported', { number: client.clientNumber }));
    } catch (error) {
      notifyPrivacyProblem(error, t, i18n.language);
    } finally {
      setExporting(false);
    }
  };

  const record = async () => {
    try {
      const request = await requestErasure.mutateAsync(client.id);
      notifyDone(
        t('requests.recorded', {
          number: client.clientNumber,
          date: format.date(request.deadline),
        }),
      );
    } catch (error) {
      notifyPrivacyProblem(error, t, i18n.language);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600}>
          {t('requests.forClient', {
            name: `${client.firstName} ${client.lastName}`,
            number: client.clientNumber,
          })}
        </Text>
        {erased && (
          <Alert color="gray" variant="light">
            {t('requests.erasedClient')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
          {can('audit:read') && (
            <Action help={t('requests.overviewHelp')}>
              <Button
                renderRoot={(props) => (
                  <Link
                    to="/privacy/clients/$clientId"
                    params={{ clientId: client.id }}
                    {...props}
                  />
                )}
                variant="default"
                leftSection={<IconFileDescription size={16} aria-hidden />}
              >
                {t('requests.overview')}
              </Button>
            </Action>
          )}
          {can('clients:export') && (
            <Action help={t('requests.exportHelp')}>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={exporting}
                disabled={!me.mfaSession}
                onClick={() => void downloadExport()}
              >
                {t('requests.export')}
              </Button>
            </Action>
          )}
          {can('erasure-requests:write') && (
            <Action help={t('requests.recordHelp')}>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                loading={requestErasure.isPending}
                disabled={erased}
                onClick={() => void record()}
              >
                {t('requests.record')}
              </Button>
            </Action>
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Action({ help, children }: { help: string; children: ReactNode }) {
  return (
    <Stack gap={4} align="flex-start">
      {children}
      <Text size="xs" c="gray.7">
        {help}
      </Text>
    </Stack>
  );
}
