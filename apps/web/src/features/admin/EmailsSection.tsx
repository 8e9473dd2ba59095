import { Anchor, Code, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { QueryState } from '../../ui/QueryState';
import { useStaffDirectory } from '../staff/queries';
import { failureOwner, failureReason } from './email-failure';
import { useFailedEmails, type FailedEmail } from './queries';

/**
 * The e-mails Meridian gave up on (every retry refused), to look into: what it was, to whom,
 * when and why, never what it said. Below, the way to the queue dashboard for the operator.
 */
export function EmailsSection() {
  const { t } = useTranslation('admin');
  const query = useFailedEmails();
  return (
    <Stack gap="lg">
      <QueryState
        query={query}
        isEmpty={(emails) => emails.length === 0}
        empty={
          <>
            <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
              <IconMailCheck size={26} />
            </ThemeIcon>
            <Text size="sm">{t('emails.none')}</Text>
          </>
        }
      >
        {(emails) => <FailedEmailTable emails={emails} />}
      </QueryState>
      <QueueDashboard />
    </Stack>
  );
}

function FailedEmailTable({ emails }: { emails: FailedEmail[] }) {
  const { t } = useTranslation('admin');
  const { format } = useClinic();
  const staff = useStaffDirectory();
  const colleague = (id: string) => staff.data?.find((member) => member.id === id)?.displayName;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('emails.count', { count: emails.length })}
      </Text>
      <Paper withBorder radius="sm">
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing={8} horizontalSpacing="sm" aria-label={t('emails.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('emails.columns.when')}</Table.Th>
                <Table.Th w={190}>{t('emails.columns.what')}</Table.Th>
                <Table.Th>{t('emails.columns.to')}</Table.Th>
                <Table.Th w="34%">{t('emails.columns.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {emails.map((email) => {
                const reason = failureReason(email.lastError);
                const name = email.userId ? colleague(email.userId) : undefined;
                return (
                  <Table.Tr key={email.id}>
                    <Table.Td>
                      <Text size="sm">{format.dateTime(email.updatedAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('emails.attempts', { count: email.attempts })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`emails.kinds.${email.kind}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {t('emails.queued', { when: format.dateTime(email.createdAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {email.recipient}
                      </Text>
                      {email.clientId && (
                        <Anchor
                          size="xs"
                          renderRoot={(props) => (
                            <Link
                              {...props}
                              to="/clients/$clientId"
                              params={{ clientId: email.clientId! }}
                            />
                          )}
                        >
                          {t('emails.openClient')}
                        </Anchor>
                      )}
                      {name && (
                        <Text size="xs" c="dimmed">
                          {t('emails.colleague', { name })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`emails.reasons.${reason}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`emails.owner.${failureOwner(reason)}`)}
                        {email.lastError && (
                          <>
                            {' '}
                            <Code>{email.lastError}</Code>
                          </>
                        )}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Text size="sm" c="dimmed">
        {t('emails.noRetry')}
      </Text>
    </Stack>
  );
}

/**
 * The queue dashboard, told as it is: the operator's tool, showing every clinic's jobs, opened
 * with an access token in the request rather than this app's sign-in, so a link from here
 * would only be refused. Its address and who may open it, no link.
 */
function QueueDashboard() {
  const { t } = useTranslation('admin');
  return (
    <Paper withBorder p="md" radius="sm" maw={860}>
      <Stack gap={6}>
        <Title order={3} size="h5">
          {t('emails.dashboard.title')}
        </Title>
        <Text size="sm">{t('emails.dashboard.what')}</Text>
        <Text size="sm">
          {t('emails.dashboard.where')} <Code>{`${window.location.origin}/admin/queues`}</Code>
        </Text>
        <Text size="sm">{t('emails.dashboard.who')}</Text>
        <Text size="sm">{t('emails.dashboard.how')}</Text>
      </Stack>
    </Paper>
  );
}
