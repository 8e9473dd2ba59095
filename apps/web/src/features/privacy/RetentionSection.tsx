import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { zonedDate } from '../../lib/clinic-time';
import { QueryState } from '../../ui/QueryState';
import { notifyDone } from '../../ui/notify';
import { ReasonDialog } from './ReasonDialog';
import { useDecideRetention, useRetentionReviews, type RetentionReview } from './queries';

type Decision = 'retain' | 'destroy';

/**
 * The records the daily scan listed as unchanged for 20 years, and the admin's decision on each:
 * keep it (with the reason; it is listed again in a year) or have it destroyed, which records an
 * erasure request to execute under the clients' requests. Nothing goes without a decision.
 */
export function RetentionSection() {
  const { t } = useTranslation(['privacy', 'common']);
  const { can } = useClinic();
  const reviews = useRetentionReviews();
  const [deciding, setDeciding] = useState<{ review: RetentionReview; decision: Decision } | null>(
    null,
  );
  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7" maw={880}>
        {t('retention.intro')}
      </Text>
      <QueryState
        query={reviews}
        isEmpty={(data) => data.data.length === 0}
        empty={<Text c="gray.7">{t('retention.empty')}</Text>}
      >
        {(data) => (
          <ReviewTable
            reviews={data.data}
            mayDecide={can('retention-reviews:decide')}
            onDecide={(review, decision) => setDeciding({ review, decision })}
          />
        )}
      </QueryState>
      <DecideDialog deciding={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}

interface ReviewTableProps {
  reviews: RetentionReview[];
  mayDecide: boolean;
  onDecide(review: RetentionReview, decision: Decision): void;
}

function ReviewTable({ reviews, mayDecide, onDecide }: ReviewTableProps) {
  const { t } = useTranslation(['privacy', 'common']);
  const { format, timeZone } = useClinic();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" maw={1040}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          {t('retention.caption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('retention.client')}</Table.Th>
            <Table.Th>{t('retention.lastChanged')}</Table.Th>
            <Table.Th>{t('retention.listed')}</Table.Th>
            {mayDecide && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reviews.map((review) => (
            <Table.Tr key={review.id}>
              <Table.Td>
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link
                      to="/clients/$clientId"
                      params={{ clientId: review.clientId }}
                      {...props}
                    />
                  )}
                >
                  {review.clientNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {format.date(zonedDate(new Date(review.lastChangedAt), timeZone))}
              </Table.Td>
              <Table.Td>{format.date(zonedDate(new Date(review.listedAt), timeZone))}</Table.Td>
              {mayDecide && (
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('retention.retainNamed', { number: review.clientNumber })}
                      onClick={() => onDecide(review, 'retain')}
                    >
                      {t('retention.retain')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      aria-label={t('retention.destroyNamed', { number: review.clientNumber })}
                      onClick={() => onDecide(review, 'destroy')}
                    >
                      {t('retention.destroy')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DecideDialog({
  deciding,
  onClose,
}: {
  deciding: { review: RetentionReview; decision: Decision } | null;
  onClose(): void;
}) {
  const { t } = useTranslation('privacy');
  const decide = useDecideRetention();
  const number = deciding?.review.clientNumber ?? '';
  const retain = deciding?.decision === 'retain';
  return (
    <ReasonDialog
      openKey={deciding ? `${deciding.review.id}:${deciding.decision}` : null}
      title={t(retain ? 'retention.retainNamed' : 'retention.destroyNamed', { number })}
      body={t(retain ? 'retention.retainBody' : 'retention.destroyBody')}
      label={t(retain ? 'retention.reason' : 'retention.destroyReason')}
      // A reason is required to keep a record; a note on destroying is optional, but checked alike.
      optional={!retain}
      confirm={t(retain ? 'retention.retainConfirm' : 'retention.destroyConfirm')}
      confirmColor={retain ? undefined : 'red'}
      pending={decide.isPending}
      onDecide={async (reason) => {
        await decide.mutateAsync({
          id: deciding!.review.id,
          body: retain
            ? { decision: 'retain', reason }
            : { decision: 'destroy', ...(reason ? { reason } : {}) },
        });
        notifyDone(t(retain ? 'retention.retained' : 'retention.destroyRecorded', { number }));
      }}
      onClose={onClose}
    />
  );
}
