import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { LOCALE_OF } from '../../i18n';
import { ReportCharts } from './ReportCharts';
import { ReportTable } from './ReportTable';
import type { ReportGrouping, ReportSpec } from './report-catalog';
import { csvSeparator, reportCsv } from './report-csv';
import { reportLabels } from './report-labels';
import type { ReportPeriod } from './report-period';
import { shownReport, type ReportAnswer, type ShownRow } from './shown-report';
import classes from './Reports.module.css';

interface Props {
  spec: ReportSpec;
  answer: ReportAnswer;
  /** When the answer arrived (react-query's `dataUpdatedAt`), for the benchmark's mark. */
  arrivedAt: number;
  /** The answer is the one asked for, not the previous one kept while the next loads. */
  current: boolean;
  period: ReportPeriod;
  grouping: ReportGrouping | null;
}

/** A report's figures: the charts, the CSV download of the table, the table. */
export function ReportResults({ spec, answer, arrivedAt, current, period, grouping }: Props) {
  const { t } = useTranslation('reports');
  const { language, format } = useClinic();
  const labels = useMemo(
    () => reportLabels(spec.slug, language, t, format.date),
    [spec.slug, language, t, format],
  );
  const shown = useMemo(() => shownReport(spec, answer, labels), [spec, answer, labels]);
  const shortLabel = useMemo(() => timeLabel(language), [language]);
  const measures = spec.measures.filter((measure) => spec.charted.includes(measure.key));
  const titles = Object.fromEntries(measures.map((m) => [m.key, labels.column(m.key)]));
  const periodText = t('period.shown', {
    from: format.date(period.from),
    to: format.date(period.to),
  });

  // For `npm run bench:web`: when the report's data arrived, and when its charts and table are
  // in the DOM (this layout effect runs after both are committed).
  useLayoutEffect(() => {
    if (!current) return;
    // A wall clock set back since the page opened must not make the mark throw.
    performance.mark('meridian:reports:data', {
      startTime: Math.max(0, arrivedAt - performance.timeOrigin),
    });
    performance.mark('meridian:reports:rendered');
  }, [answer, arrivedAt, current]);

  const download = () => {
    const csv = reportCsv(shown, csvSeparator(language));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${t(`fileNames.${spec.slug}`)}-${period.from}-${period.to}${grouping ? `-${grouping}` : ''}.csv`;
    link.click();
    // After the click has handed the file to the browser.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  if (shown.rows.length === 0) {
    return (
      <Text size="sm" c="gray.7" py="md">
        {t('empty')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <ReportCharts
        rows={shown.rows}
        measures={measures}
        titles={titles}
        grouping={grouping}
        labels={labels}
        minimumGroupSize={answer.minimumGroupSize}
        shortLabel={shortLabel}
      />
      {spec.slug === 'outcomes' && <OutcomesExplanation minimum={answer.minimumGroupSize} />}
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {t('table.caption')}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="gray.7" visibleFrom="sm">
            {t('downloadHint')}
          </Text>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={download}
          >
            {t('download')}
          </Button>
        </Group>
      </Group>
      <ReportTable
        shown={shown}
        label={t('table.label', { report: t(`names.${spec.slug}`), period: periodText })}
      />
    </Stack>
  );
}

/** What the outcome figures mean and who counts in them. */
function OutcomesExplanation({ minimum }: { minimum: number }) {
  const { t } = useTranslation('reports');
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0">
      <Title order={2} size="h5" mb={6}>
        {t('outcomes.title')}
      </Title>
      <List size="sm" className={classes.explanation} spacing={4}>
        <List.Item>{t('outcomes.who')}</List.Item>
        <List.Item>{t('outcomes.change')}</List.Item>
        <List.Item>{t('outcomes.improved')}</List.Item>
        <List.Item>{t('outcomes.remission')}</List.Item>
        <List.Item>{t('outcomes.small', { count: minimum })}</List.Item>
      </List>
    </Paper>
  );
}

/** A column's short name on a time axis, from its group value: `dec 25` (month), `1 dec` (week). */
function timeLabel(language: 'nl' | 'en'): (row: ShownRow) => string {
  const locale = LOCALE_OF[language];
  const month = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'short',
    year: '2-digit',
  });
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  return (row) => {
    if (/^\d{4}-\d{2}$/.test(row.key)) return month.format(new Date(`${row.key}-01T00:00:00Z`));
    if (/^\d{4}-\d{2}-\d{2}$/.test(row.key)) return day.format(new Date(`${row.key}T00:00:00Z`));
    return row.label;
  };
}
