import { Anchor, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { zonedDate } from '../../lib/clinic-time';
import { QueryState } from '../../ui/QueryState';
import { notifyDone } from '../../ui/notify';
import { notifyPrivacyProblem, reasonFieldError, reasonProblem } from './privacy-problems';
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
  const { t, i18n } = useTranslation(['privacy', 'common']);
  const decide = useDecideRetention();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setError(null);
  }, [deciding?.review.id, deciding?.decision]);
  const number = deciding?.review.clientNumber ?? '';
  const retain = deciding?.decision === 'retain';

  const submit = async () => {
    if (!deciding) return;
    const trimmed = reason.trim();
    // A reason is required to keep a record; a note on destroying is optional, but checked alike.
    const problem = retain || trimmed ? reasonProblem(trimmed) : null;
    if (problem) {
      setError(t(`requests.${problem}`));
      return;
    }
    try {
      await decide.mutateAsync({
        id: deciding.review.id,
        body: retain
          ? { decision: 'retain', reason: trimmed }
          : { decision: 'destroy', ...(trimmed ? { reason: trimmed } : {}) },
      });
      if (retain) notifyDone(t('retention.retained', { number }));
      else notifyDone(t('retention.destroyRecorded', { number }));
      onClose();
    } catch (failure) {
      if (reasonFieldError(failure)) setError(t('requests.reasonShort'));
      else notifyPrivacyProblem(failure, t, i18n.language);
    }
  };

  return (
    <Modal
      opened={deciding !== null}
      onClose={onClose}
      title={t(retain ? 'retention.retainNamed' : 'retention.destroyNamed', { number })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t(retain ? 'retention.retainBody' : 'retention.destroyBody')}</Text>
          <Textarea
            label={t(retain ? 'retention.reason' : 'retention.destroyReason')}
            withAsterisk={retain}
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            error={error}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color={retain ? undefined : 'red'} loading={decide.isPending}>
              {t(retain ? 'retention.retainConfirm' : 'retention.destroyConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
