import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { problemMessage } from '../../app/session/problem-message';
import { ToneBadge } from '../clients/ToneBadge';
import { summarizeVersion, type ListChange, type VersionSummary } from './history-diff';
import { usePlanVersions } from './queries';
import type { Plan } from './types';
import { usePlanFormat } from './use-plan-format';

/** Versions shown at first, and added by each "older versions". */
const PAGE = 8;

/**
 * Who changed what when: the plan's versions, newest first, each with its author, time and
 * what it did, and a link to read it as it was. Stored versions never change, so each is
 * read once; one more than shown is read, to say what the oldest shown changed.
 */
export function PlanHistory({ plan, latest }: { plan: Plan; latest: number }) {
  const { t, i18n } = useTranslation('plans');
  const { format } = useClinic();
  const names = usePlanFormat();
  const [shown, setShown] = useState(PAGE);
  const oldest = Math.max(1, latest - shown + 1);
  const wanted = Array.from({ length: latest - Math.max(1, oldest - 1) + 1 }, (_, i) => latest - i);
  const versions = usePlanVersions(plan.id, wanted);
  const byNumber = new Map(
    versions.flatMap((query) => (query.data ? [[query.data.version, query.data] as const] : [])),
  );
  const failed = versions.find((query) => query.isError);
  const list = (fields: string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
      fields.map((field) => t(`field.${field}`)),
    );

  const sentence = (summary: VersionSummary, who: string) => {
    switch (summary.kind) {
      case 'created':
        return t('history.created', { name: who });
      case 'status':
        return t(`history.status.${summary.status}`, { name: who });
      case 'changed':
        return summary.fields.length > 0
          ? t('history.changed', { name: who, fields: list(summary.fields) })
          : t('history.changedNothing', { name: who });
    }
  };
  const detail = (change: ListChange) =>
    [
      change.added > 0 && t('history.added', { count: change.added }),
      change.removed > 0 && t('history.removed', { count: change.removed }),
      change.changed > 0 && t('history.changedItems', { count: change.changed }),
      change.reordered && t('history.reordered'),
    ].filter(Boolean);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="plan-history">
      <Stack gap="sm">
        <Title order={2} size="h4" id="plan-history">
          {t('history.title')}
        </Title>
        <Stack component="ol" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
          {wanted
            .filter((number) => number >= oldest)
            .map((number) => {
              const version = byNumber.get(number);
              if (!version?.change) {
                return (
                  <li key={number}>
                    <Loader size="xs" aria-label={t('history.loading', { version: number })} />
                  </li>
                );
              }
              const summary = summarizeVersion(version, byNumber.get(number - 1));
              const viewing = plan.version === number;
              return (
                <Stack component="li" key={number} gap={2}>
                  <Text size="sm" fw={500}>
                    {sentence(summary, names.person(version.change.changedBy))}
                  </Text>
                  {summary.kind === 'status' &&
                    summary.status === 'cancelled' &&
                    plan.cancelReason && (
                      <Text size="sm">{t('history.reason', { reason: plan.cancelReason })}</Text>
                    )}
                  {summary.kind === 'changed' &&
                    summary.lists.map((change) => {
                      const parts = detail(change);
                      return parts.length > 0 ? (
                        <Text size="sm" key={change.field}>
                          {t('history.listDetail', {
                            field: t(`fieldLabel.${change.field}`),
                            parts: parts.join(', '),
                          })}
                        </Text>
                      ) : null;
                    })}
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {t('history.when', {
                        version: number,
                        time: format.dateTime(version.change.changedAt),
                      })}
                    </Text>
                    {viewing ? (
                      <ToneBadge color="gray" size="xs">
                        {t('history.shown')}
                      </ToneBadge>
                    ) : (
                      <Anchor
                        renderRoot={(props) => (
                          <Link
                            to="/plans/$planId"
                            params={{ planId: plan.id }}
                            search={{ version: number === latest ? undefined : number }}
                            {...props}
                          />
                        )}
                        size="xs"
                        underline="always"
                        aria-label={
                          number === latest
                            ? undefined
                            : t('history.openVersion', { version: number })
                        }
                      >
                        {number === latest ? t('history.openCurrent') : t('history.open')}
                      </Anchor>
                    )}
                  </Group>
                </Stack>
              );
            })}
        </Stack>
        {failed?.error && (
          <Text size="sm" c="red.9">
            {problemMessage(failed.error, t, i18n.language)}
          </Text>
        )}
        {oldest > 1 && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setShown((count) => count + PAGE)}>
              {t('history.older')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
