import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { todayIn } from '../../lib/clinic-time';
import { PagedQueryState } from '../../ui/PagedQueryState';
import { ToneBadge } from '../clients/ToneBadge';
import { useStaffDirectory } from '../staff/queries';
import { ClientPicker } from '../clients/ClientPicker';
import { ClientRequestPanel } from './ClientRequestPanel';
import { ExecuteDialog, RefuseDialog } from './ErasureDialogs';
import { useClientRecord, useErasureRequests, type ErasureRequest } from './queries';

const STATUS_COLOR = { pending: 'blue', refused: 'gray', executed: 'red' } as const;

/**
 * Data-subject requests: a client chosen (its id in the URL) to hand their access overview,
 * download their export or record an erasure request; and every erasure request with its
 * deadline, to refuse with a reason or execute after a confirmation.
 */
export function RequestsSection() {
  const { t } = useTranslation(['privacy', 'common']);
  const search = useSearch({ from: '/privacy/$section' });
  const navigate = useNavigate({ from: '/privacy/$section' });
  const client = useClientRecord(search.client);
  const picked = (search.client && client.data?.id === search.client && client.data) || null;
  return (
    <Stack gap="lg">
      <Text size="sm" c="gray.7" maw={880}>
        {t('requests.intro')}
      </Text>
      <Stack gap="sm" maw={1120}>
        <ClientPicker
          includeArchived
          label={t('requests.client')}
          value={picked}
          maw={520}
          onChange={(chosen) =>
            void navigate({ search: (prev) => ({ ...prev, client: chosen?.id }), replace: true })
          }
        />
        {picked && <ClientRequestPanel client={picked} />}
      </Stack>
      <ErasureRequests />
    </Stack>
  );
}

function ErasureRequests() {
  const { t } = useTranslation(['privacy', 'common']);
  const { me, can } = useClinic();
  const requests = useErasureRequests();
  const mayDecide = can('erasure-requests:decide');
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('requests.listTitle')}
      </Title>
      {mayDecide && !me.mfaSession && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconShieldLock size={18} aria-hidden />}
          maw={880}
        >
          {t('mfa.decideNeedsMfa')}
        </Alert>
      )}
      <PagedQueryState query={requests} empty={<Text c="gray.7">{t('requests.empty')}</Text>}>
        {(items) => <RequestTable requests={items} mayDecide={mayDecide && me.mfaSession} />}
      </PagedQueryState>
    </Stack>
  );
}

function RequestTable({ requests, mayDecide }: { requests: ErasureRequest[]; mayDecide: boolean }) {
  const { t } = useTranslation(['privacy', 'common']);
  const { format, timeZone } = useClinic();
  const staff = useStaffDirectory();
  const [refusing, setRefusing] = useState<ErasureRequest | null>(null);
  const [executing, setExecuting] = useState<ErasureRequest | null>(null);
  const today = todayIn(timeZone);
  const numberOf = (request: ErasureRequest | null) => request?.clientNumber ?? t('log.aClient');
  const nameOf = (id: string | null) =>
    staff.data?.find((member) => member.id === id)?.displayName ?? t('log.unknownColleague');

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            {t('requests.caption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('requests.client')}</Table.Th>
              <Table.Th w={170}>{t('requests.requested')}</Table.Th>
              <Table.Th w={150}>{t('requests.deadline')}</Table.Th>
              <Table.Th>{t('requests.statusColumn')}</Table.Th>
              {mayDecide && <Table.Th w={220} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.map((request) => {
              const number = numberOf(request);
              const overdue = request.status === 'pending' && request.deadline < today;
              return (
                <Table.Tr key={request.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      size="sm"
                      renderRoot={(props) => (
                        <Link
                          to="/clients/$clientId"
                          params={{ clientId: request.clientId }}
                          {...props}
                        />
                      )}
                    >
                      {number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {format.dateTime(request.requestedAt)}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Text size="sm">{format.date(request.deadline)}</Text>
                      {overdue && <ToneBadge color="red">{t('requests.overdue')}</ToneBadge>}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <ToneBadge color={STATUS_COLOR[request.status]}>
                        {t(`requests.status.${request.status}`)}
                      </ToneBadge>
                      {request.decidedAt && (
                        <Text size="xs" c="gray.7">
                          {t('requests.decided', {
                            date: format.dateTime(request.decidedAt),
                            name: nameOf(request.decidedBy),
                          })}
                        </Text>
                      )}
                      {request.refusalReason && (
                        <Text
                          size="sm"
                          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                        >
                          {t('requests.refusedBecause', { reason: request.refusalReason })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  {mayDecide && (
                    <Table.Td>
                      {request.status === 'pending' && (
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('requests.refuseNamed', { number })}
                            onClick={() => setRefusing(request)}
                          >
                            {t('requests.refuse')}
                          </Button>
                          <Button
                            size="xs"
                            color="red"
                            variant="light"
                            aria-label={t('requests.executeNamed', { number })}
                            onClick={() => setExecuting(request)}
                          >
                            {t('requests.execute')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RefuseDialog
        request={refusing}
        clientNumber={numberOf(refusing)}
        onClose={() => setRefusing(null)}
      />
      <ExecuteDialog
        request={executing}
        clientNumber={numberOf(executing)}
        onClose={() => setExecuting(null)}
      />
    </>
  );
}
