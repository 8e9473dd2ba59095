import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { zonedDate } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { PagedQueryState } from '../../ui/PagedQueryState';
import { ToneBadge } from '../clients/ToneBadge';
import { hoursBetween } from './privacy-period';
import { useBreakGlassGrants, type BreakGlassGrant } from './queries';

/**
 * Every use of break-the-glass, newest first, for an admin to review: who opened which client's
 * record, when, for how long, and the reason they gave; with the way to what they did then.
 */
export function BreakGlassSection() {
  const { t } = useTranslation(['privacy', 'common']);
  const grants = useBreakGlassGrants();
  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7" maw={880}>
        {t('breakGlass.intro')}
      </Text>
      <PagedQueryState query={grants} empty={<Text c="gray.7">{t('breakGlass.empty')}</Text>}>
        {(items) => <GrantTable grants={items} />}
      </PagedQueryState>
    </Stack>
  );
}

function GrantTable({ grants }: { grants: BreakGlassGrant[] }) {
  const { t } = useTranslation(['privacy', 'common']);
  const { format, timeZone } = useClinic();
  const now = useNow();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          {t('breakGlass.caption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>{t('breakGlass.who')}</Table.Th>
            <Table.Th w={110}>{t('breakGlass.client')}</Table.Th>
            <Table.Th w={170}>{t('breakGlass.when')}</Table.Th>
            <Table.Th w={170}>{t('breakGlass.duration')}</Table.Th>
            <Table.Th>{t('breakGlass.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grants.map((grant) => {
            const client = grant.clientNumber;
            const active = Date.parse(grant.expiresAt) > now;
            return (
              <Table.Tr key={grant.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {grant.userDisplayName}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{client}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {format.dateTime(grant.grantedAt)}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm">
                      {t('breakGlass.hours', {
                        hours: hoursBetween(grant.grantedAt, grant.expiresAt),
                        // The same clinic day (the usual case) needs the time only.
                        until:
                          zonedDate(new Date(grant.expiresAt), timeZone) ===
                          zonedDate(new Date(grant.grantedAt), timeZone)
                            ? format.time(grant.expiresAt)
                            : format.dateTime(grant.expiresAt),
                      })}
                    </Text>
                    {active && <ToneBadge color="red">{t('breakGlass.active')}</ToneBadge>}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {grant.reason}
                    </Text>
                    <Anchor
                      renderRoot={(props) => (
                        <Link
                          to="/privacy/$section"
                          params={{ section: 'access-log' }}
                          search={{
                            client: grant.clientId,
                            user: grant.userId,
                            from: zonedDate(new Date(grant.grantedAt), timeZone),
                          }}
                          {...props}
                        />
                      )}
                      size="sm"
                      aria-label={t('breakGlass.inLogOf', { name: grant.userDisplayName, client })}
                    >
                      {t('breakGlass.inLog')}
                    </Anchor>
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
