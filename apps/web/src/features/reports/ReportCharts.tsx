import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { labelEvery, scale, valueAxis } from './chart-scale';
import type { MeasureSpec, ReportGrouping } from './report-catalog';
import type { ReportLabels, ShownReport, ShownRow } from './shown-report';
import classes from './Reports.module.css';
import { useWidth } from './use-width';

/*
 * Plain SVG, as the outcomes timeline: bars and columns with their numbers are a few hundred
 * elements, drawn without a charting library in the reports' chunk. Each charted measure gets a
 * panel of its own with its own axis (a count and a percentage share none). Over time (weeks,
 * months) the groups are columns left to right; otherwise they are bars with their names and
 * figures beside them. A withheld group is never drawn as zero: a bar says "fewer than 5
 * clients" in words, a column is hatched the full height with that text as its title and in
 * the key. The table under the charts is their text alternative.
 */

const BAR = 'var(--mantine-color-meridian-7)';
const NEGATIVE = 'var(--mantine-color-meridian-4)';
const GRID = 'var(--mantine-color-gray-3)';
const AXIS_TEXT = 'var(--mantine-color-gray-7)';
const WITHHELD = 'var(--mantine-color-gray-7)';
/** Light enough that a caseload of many small weeks does not turn into a wall of grey. */
const HATCH = 'var(--mantine-color-gray-5)';

interface Props {
  rows: ShownReport['rows'];
  measures: MeasureSpec[];
  /** Column headings of the measures, by key. */
  titles: Record<string, string>;
  grouping: ReportGrouping | null;
  labels: ReportLabels;
  minimumGroupSize: number;
  /** A short name for a column of a time axis (`dec 25`, `1 dec`). */
  shortLabel(row: ShownRow): string;
}

export function ReportCharts({
  rows,
  measures,
  titles,
  grouping,
  labels,
  minimumGroupSize,
  shortLabel,
}: Props) {
  const { t } = useTranslation('reports');
  const overTime = grouping === 'week' || grouping === 'month';
  const anyWithheld = rows.some((row) => row.suppressed);
  return (
    <section aria-label={t('chart.label')}>
      <SimpleGrid cols={{ base: 1, md: measures.length > 2 ? 3 : 2 }} spacing="sm">
        {measures.map((measure) => (
          <Paper key={measure.key} withBorder radius="sm" p="sm">
            <Text fw={600} size="sm" mb={4}>
              {titles[measure.key]}
            </Text>
            {overTime ? (
              <ColumnPanel
                rows={rows}
                measure={measure}
                title={titles[measure.key]}
                labels={labels}
                minimumGroupSize={minimumGroupSize}
                shortLabel={shortLabel}
              />
            ) : (
              <BarPanel
                rows={rows}
                measure={measure}
                title={titles[measure.key]}
                labels={labels}
                minimumGroupSize={minimumGroupSize}
              />
            )}
          </Paper>
        ))}
      </SimpleGrid>
      {anyWithheld && (
        <Text size="sm" c="gray.7" mt={6} className={classes.withheldKey}>
          {overTime && <span className={classes.hatchSwatch} aria-hidden />}
          {t('chart.suppressedKey', { count: minimumGroupSize })}
        </Text>
      )}
    </section>
  );
}

interface PanelProps {
  rows: ShownRow[];
  measure: MeasureSpec;
  title: string;
  labels: ReportLabels;
  minimumGroupSize: number;
}

const BAR_ROW = 26;
const VALUE_ROOM = 64;

/** Groups as horizontal bars, each with its name and figure; withheld ones in words. */
function BarPanel({ rows, measure, title, labels, minimumGroupSize }: PanelProps) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const { t } = useTranslation('reports');
  const values = rows.map((row) => row.values[measure.key]).filter(isNumber);
  const axis = valueAxis(values, 3);
  const labelWidth = Math.min(190, Math.max(90, width * 0.34));
  const plotLeft = labelWidth + 8;
  const plotWidth = Math.max(0, width - plotLeft - VALUE_ROOM);
  const x = scale(axis, plotLeft, plotWidth);
  const zero = x(0);
  const height = rows.length * BAR_ROW + 4;
  return (
    <div ref={ref} className={classes.chart}>
      {width > 0 && (
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={title}
          className={classes.svg}
          fontSize={12}
        >
          <line x1={zero} x2={zero} y1={0} y2={height} stroke={GRID} />
          {rows.map((row, index) => {
            const y = index * BAR_ROW;
            const value = row.values[measure.key];
            const name = truncate(row.label, labelWidth);
            return (
              <g key={row.key}>
                <text x={labelWidth} y={y + 17} textAnchor="end" fill="currentColor">
                  <title>{row.label}</title>
                  {name}
                </text>
                {row.suppressed ? (
                  <text x={plotLeft + 2} y={y + 17} fill={WITHHELD} fontStyle="italic">
                    {labels.suppressed(minimumGroupSize)}
                  </text>
                ) : value === null ? (
                  <text x={plotLeft + 2} y={y + 17} fill={WITHHELD}>
                    {t('chart.noValue')}
                  </text>
                ) : (
                  <>
                    <rect
                      x={Math.min(zero, x(value))}
                      y={y + 5}
                      width={Math.max(value === 0 ? 0 : 1, Math.abs(x(value) - zero))}
                      height={BAR_ROW - 10}
                      fill={value < 0 ? NEGATIVE : BAR}
                      rx={2}
                    />
                    <text
                      x={Math.max(zero, x(value)) + 6}
                      y={y + 17}
                      fill="currentColor"
                      fontWeight={600}
                    >
                      {labels.number(value, measure.kind, measure.decimals)}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

const COLUMNS_HEIGHT = 180;
const TOP = 10;
const BOTTOM = 28;
const LEFT = 48;
const RIGHT = 6;
const TIME_LABEL_PX = 48;

/** Groups over time as columns on a value axis; a withheld one hatched the full height. */
function ColumnPanel({
  rows,
  measure,
  title,
  labels,
  minimumGroupSize,
  shortLabel,
}: PanelProps & { shortLabel(row: ShownRow): string }) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const values = rows.map((row) => row.values[measure.key]).filter(isNumber);
  const axis = valueAxis(values, 4);
  const plotWidth = Math.max(0, width - LEFT - RIGHT);
  const plotHeight = COLUMNS_HEIGHT - TOP - BOTTOM;
  const y = scale(axis, TOP + plotHeight, -plotHeight);
  const slot = rows.length ? plotWidth / rows.length : 0;
  const barWidth = Math.max(1, Math.min(36, slot * 0.7));
  const every = labelEvery(rows.length, plotWidth, TIME_LABEL_PX);
  const withheld = labels.suppressed(minimumGroupSize);
  return (
    <div ref={ref} className={classes.chart}>
      {width > 0 && (
        <svg
          width={width}
          height={COLUMNS_HEIGHT}
          role="img"
          aria-label={title}
          className={classes.svg}
          fontSize={11}
        >
          <defs>
            <pattern
              id={`hatch-${measure.key}`}
              width={6}
              height={6}
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line x1={0} y1={0} x2={0} y2={6} stroke={HATCH} strokeWidth={1} />
            </pattern>
          </defs>
          {axis.ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} stroke={GRID} />
              <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fill={AXIS_TEXT}>
                {labels.number(tick, measure.kind === 'change' ? 'decimal' : measure.kind, 1)}
              </text>
            </g>
          ))}
          {rows.map((row, index) => {
            const center = LEFT + slot * (index + 0.5);
            const value = row.values[measure.key];
            return (
              <g key={row.key}>
                {row.suppressed ? (
                  <rect
                    x={center - barWidth / 2}
                    y={TOP}
                    width={barWidth}
                    height={plotHeight}
                    fill={`url(#hatch-${measure.key})`}
                    opacity={0.5}
                  >
                    <title>{`${row.label}: ${withheld}`}</title>
                  </rect>
                ) : (
                  value !== null && (
                    <rect
                      x={center - barWidth / 2}
                      y={Math.min(y(value), y(0))}
                      width={barWidth}
                      height={Math.abs(y(0) - y(value))}
                      fill={value < 0 ? NEGATIVE : BAR}
                    >
                      <title>{`${row.label}: ${labels.number(value, measure.kind, measure.decimals)}`}</title>
                    </rect>
                  )
                )}
                {index % every === 0 && (
                  <text
                    x={center}
                    y={COLUMNS_HEIGHT - BOTTOM + 16}
                    textAnchor="middle"
                    fill={AXIS_TEXT}
                  >
                    {shortLabel(row)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

function isNumber(value: number | null): value is number {
  return value !== null;
}

/** A name cut to fit `width` pixels of 12 px text (its whole name is the element's title). */
function truncate(text: string, width: number): string {
  const fits = Math.floor(width / 6.6);
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`;
}
