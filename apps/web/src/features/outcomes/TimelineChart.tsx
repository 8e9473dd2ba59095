import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { LOCALE_OF, type Language } from '../../i18n';
import {
  bandLabel,
  flagLabel,
  formatScore,
  instrumentName,
  instrumentSubject,
  signedScore,
  targetText,
} from './display';
import { PHASE_TINT, phaseLabel } from './phase-display';
import { timelineDates, type TimelineDates } from './timeline-format';
import {
  dayNumber,
  phaseBands,
  phaseOn,
  scaleX,
  scaleY,
  timeDomain,
  timeTicks,
  valueScale,
  type PhaseBand,
  type TimeDomain,
  type TimelinePanel,
  type TimeTick,
} from './timeline-model';
import type { GoalProgress, Phase } from './types';
import classes from './Outcomes.module.css';

/*
 * Why small multiples: PHQ-9 runs 0–27, MYMOP2 0–6, a weight 60–90 kg and a one-rep max
 * 40–140 kg. One chart with one axis would flatten all but the largest numbers; two axes
 * invite reading crossings that mean nothing. So each instrument gets a panel of its own with
 * its own honest vertical scale (a questionnaire's whole range, ticked at its bands; a scale
 * zoomed to its values), and every panel shares one time axis and the same phase bands
 * behind it. Reading down the panels at a phase edge shows what changed when the diet phase
 * changed. Plain SVG rather than Recharts: a line, dots, dashed targets and shaded bands are
 * a few dozen elements, drawn in a few kilobytes instead of a charting library's hundred.
 */

const PLOT_LEFT = 48;
const PLOT_RIGHT = 16;
const PANEL_HEIGHT = 132;
const PANEL_TOP = 12;
const PANEL_BOTTOM = 10;
const STRIP_HEIGHT = 28;
const AXIS_HEIGHT = 42;
/** Roughly the width of a character of the 12 px labels, to decide what fits in a band. */
const CHAR_PX = 6.8;

const SERIES = 'var(--mantine-color-meridian-7)';
const TARGET = 'var(--mantine-color-gray-8)';
const FLAG = 'var(--mantine-color-red-9)';
const TODAY = 'var(--mantine-color-meridian-9)';
const GRID = 'var(--mantine-color-gray-3)';
const TICK_TEXT = 'var(--mantine-color-gray-7)';

export interface TimelineChartProps {
  panels: TimelinePanel[];
  /** The plan's phases, in order; none without a plan. */
  phases: Phase[];
  /** The server's progress per goal of the plan, when the user may read it. */
  progress: GoalProgress[];
  /** The clinic's today. */
  today: string;
  /** The heading level of each instrument's name, under the page's own headings. */
  headingOrder: 3 | 4;
}

/**
 * The client's scores over time, an instrument per panel, with the plan's phases shaded behind
 * every panel and each goal's target dashed across its instrument's panel. Each panel has a
 * table of its values (hidden unless asked for) as its text alternative.
 */
export function TimelineChart({
  panels,
  phases,
  progress,
  today,
  headingOrder,
}: TimelineChartProps) {
  const { t } = useTranslation('outcomes');
  const { language } = useClinic();
  const { ref, width } = useElementSize();
  const [tables, setTables] = useState(false);
  const dates = timelineDates(language);
  const domain = useMemo(
    () =>
      timeDomain({
        dates: panels.flatMap((panel) => panel.points.map((point) => point.date)),
        phases,
        today,
      }),
    [panels, phases, today],
  );
  const plotWidth = Math.max(0, width - PLOT_LEFT - PLOT_RIGHT);
  const x = scaleX(domain, PLOT_LEFT, plotWidth);
  const bands = phaseBands(phases, domain, x);
  const ticks = timeTicks(domain, plotWidth);
  const geometry: Geometry = {
    width,
    plotWidth,
    x,
    bands,
    ticks,
    todayX: x(dayNumber(today) + 0.5),
  };

  return (
    <Stack gap="sm">
      <Stack gap={6}>
        {phases.length > 0 && <PhaseLegend phases={phases} today={today} dates={dates} />}
        <Group justify="space-between" align="center" gap="sm">
          <ChartKey />
          <Button variant="default" size="xs" onClick={() => setTables((shown) => !shown)}>
            {tables ? t('timeline.hideTables') : t('timeline.showTables')}
          </Button>
        </Group>
      </Stack>
      <div ref={ref} className={classes.chart}>
        {width > 0 && <TimeAxis geometry={geometry} domain={domain} dates={dates} position="top" />}
        {width > 0 && phases.length > 0 && <PhaseStrip geometry={geometry} />}
        {panels.map((panel) => (
          <PanelView
            key={panel.code}
            panel={panel}
            phases={phases}
            progress={progress}
            geometry={geometry}
            dates={dates}
            language={language}
            headingOrder={headingOrder}
            tableShown={tables}
          />
        ))}
        {width > 0 && panels.length > 2 && (
          <TimeAxis geometry={geometry} domain={domain} dates={dates} position="bottom" />
        )}
      </div>
    </Stack>
  );
}

interface Geometry {
  width: number;
  plotWidth: number;
  x: (day: number) => number;
  bands: PhaseBand[];
  ticks: TimeTick[];
  todayX: number;
}

/** The plan's phases in words: number, kind and protocol, first and last day. */
function PhaseLegend({
  phases,
  today,
  dates,
}: {
  phases: Phase[];
  today: string;
  dates: TimelineDates;
}) {
  const { t } = useTranslation('outcomes');
  const current = phaseOn(phases, today);
  return (
    <ul className={classes.legend} aria-label={t('timeline.phases')}>
      {phases.map((phase, index) => (
        <li key={phase.id}>
          <span
            className={classes.swatch}
            style={{
              background: PHASE_TINT[phase.kind].label,
              borderColor: PHASE_TINT[phase.kind].edge,
            }}
            aria-hidden
          />
          <Text span size="sm" fw={600}>
            {index + 1}. {phaseLabel(phase, t)}
          </Text>{' '}
          <Text span size="sm" c="dimmed">
            {t('timeline.phaseDates', {
              from: dates.medium(phase.startsOn),
              to: dates.medium(phase.endsOn),
            })}
            {current?.phase.id === phase.id && ` · ${t('timeline.now')}`}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** What the marks mean: a measured line, a dashed target, a ringed flag, today. */
function ChartKey() {
  const { t } = useTranslation('outcomes');
  const mark = (children: ReactNode) => (
    <svg width={22} height={12} aria-hidden className={classes.keyMark}>
      {children}
    </svg>
  );
  return (
    <ul className={classes.legend} aria-label={t('timeline.key')}>
      <li>
        {mark(
          <>
            <line x1={1} x2={21} y1={6} y2={6} stroke={SERIES} strokeWidth={2} />
            <circle cx={11} cy={6} r={3.5} fill={SERIES} />
          </>,
        )}
        <Text span size="sm">
          {t('timeline.keyMeasured')}
        </Text>
      </li>
      <li>
        {mark(
          <line
            x1={1}
            x2={21}
            y1={6}
            y2={6}
            stroke={TARGET}
            strokeWidth={1.5}
            strokeDasharray="5 3"
          />,
        )}
        <Text span size="sm">
          {t('timeline.keyTarget')}
        </Text>
      </li>
      <li>
        {mark(
          <>
            <circle cx={11} cy={6} r={3} fill={SERIES} />
            <circle cx={11} cy={6} r={5.5} fill="none" stroke={FLAG} strokeWidth={1.5} />
          </>,
        )}
        <Text span size="sm">
          {t('timeline.keyFlag')}
        </Text>
      </li>
      <li>
        {mark(
          <line
            x1={11}
            x2={11}
            y1={0}
            y2={12}
            stroke={TODAY}
            strokeWidth={1.5}
            strokeDasharray="3 2"
          />,
        )}
        <Text span size="sm">
          {t('timeline.today')}
        </Text>
      </li>
    </ul>
  );
}

/** The phases' names over the panels, as much of each as its band has room for. */
function PhaseStrip({ geometry }: { geometry: Geometry }) {
  const { t } = useTranslation('outcomes');
  return (
    <svg width={geometry.width} height={STRIP_HEIGHT} aria-hidden className={classes.svg}>
      {geometry.bands.map((band) => {
        const tint = PHASE_TINT[band.phase.kind];
        const full = `${band.number}. ${phaseLabel(band.phase, t)}`;
        const short = `${band.number}. ${t(`phases.${band.phase.kind}`)}`;
        const room = band.width - 10;
        const label = [full, short, String(band.number)].find(
          (text) => text.length * CHAR_PX <= room,
        );
        return (
          <g key={band.phase.id}>
            <rect x={band.x} y={2} width={band.width} height={STRIP_HEIGHT - 4} fill={tint.label} />
            <line
              x1={band.x}
              x2={band.x}
              y1={2}
              y2={STRIP_HEIGHT - 2}
              stroke={tint.edge}
              strokeWidth={2}
            />
            {label && (
              <text
                x={band.x + 6}
                y={STRIP_HEIGHT / 2 + 1}
                dominantBaseline="middle"
                fontSize={12}
                fontWeight={600}
                fill="var(--mantine-color-gray-9)"
              >
                {label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The shared calendar axis: over the panels, where the eye starts, with where today is; again
 * under them when there are more than two, so the bottom panel's dates are not a scroll away.
 */
function TimeAxis({
  geometry,
  domain,
  dates,
  position,
}: {
  geometry: Geometry;
  domain: TimeDomain;
  dates: TimelineDates;
  position: 'top' | 'bottom';
}) {
  const { t } = useTranslation('outcomes');
  const { width, ticks, x, todayX } = geometry;
  const top = position === 'top';
  const todayLabel = t('timeline.today');
  const anchorOf = (at: number, text: string): 'start' | 'middle' | 'end' => {
    const half = (text.length * CHAR_PX) / 2;
    if (at - half < 0) return 'start';
    if (at + half > width) return 'end';
    return 'middle';
  };
  const inView = top && todayX >= x(domain.from) && todayX <= x(domain.to);
  const height = top ? AXIS_HEIGHT : 24;
  // Top: today's label, the dates, the tick marks down to the axis line. Bottom: mirrored.
  const baseline = top ? height - 0.5 : 0.5;
  const [markFrom, markTo] = top ? [height - 6, height] : [0, 5];
  const labelAt = top ? height - 11 : 17;
  return (
    <svg width={width} height={height} aria-hidden className={classes.svg}>
      <line
        x1={x(domain.from)}
        x2={x(domain.to)}
        y1={baseline}
        y2={baseline}
        stroke="var(--mantine-color-gray-5)"
      />
      {ticks.map((tick, index) => {
        const at = x(tick.day);
        const label = dates.tick(tick, index === 0);
        return (
          <g key={tick.day}>
            <line x1={at} x2={at} y1={markFrom} y2={markTo} stroke="var(--mantine-color-gray-6)" />
            <text
              x={at}
              y={labelAt}
              textAnchor={anchorOf(at, label)}
              fontSize={11}
              fill={TICK_TEXT}
            >
              {label}
            </text>
          </g>
        );
      })}
      {inView && (
        <g fill={TODAY}>
          <text
            x={todayX}
            y={10}
            textAnchor={anchorOf(todayX, todayLabel)}
            fontSize={11}
            fontWeight={700}
          >
            {todayLabel}
          </text>
          <path d={`M${todayX - 4},13 L${todayX + 4},13 L${todayX},18 Z`} />
        </g>
      )}
    </svg>
  );
}

interface PanelProps {
  panel: TimelinePanel;
  phases: Phase[];
  progress: GoalProgress[];
  geometry: Geometry;
  dates: TimelineDates;
  language: Language;
  headingOrder: 3 | 4;
  tableShown: boolean;
}

/** One instrument: its name and latest value, its chart, its goals in words and its table. */
function PanelView({
  panel,
  phases,
  progress,
  geometry,
  dates,
  language,
  headingOrder,
  tableShown,
}: PanelProps) {
  const { t } = useTranslation('outcomes');
  const titleId = useId();
  const summaryId = useId();
  const instrument = panel.instrument;
  const name = instrument ? instrumentName(instrument) : panel.code;
  const score = (value: number) => formatScore(value, instrument, language);
  const latest = panel.points.at(-1);
  const direction = instrument ? t(`timeline.direction.${instrument.direction}`) : null;
  const subject = instrument ? instrumentSubject(instrument, t) : '';
  const summary = latest
    ? t('timeline.summary', {
        count: panel.points.length,
        first: dates.medium(panel.points[0].date),
        date: dates.medium(latest.date),
        value: score(latest.value),
      }) + (latest.band ? ` (${bandLabel(latest.band, t)})` : '')
    : t('timeline.noPoints');
  const table = (
    <Table className={classes.valueTable} withTableBorder fz="sm" verticalSpacing={4}>
      <caption>{t('timeline.tableCaption', { name })}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('list.date')}</Table.Th>
          <Table.Th scope="col">{t('list.score')}</Table.Th>
          <Table.Th scope="col">{t('list.band')}</Table.Th>
          <Table.Th scope="col">{t('timeline.phase')}</Table.Th>
          <Table.Th scope="col">{t('list.flags')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {panel.points.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={5}>{t('timeline.noPoints')}</Table.Td>
          </Table.Tr>
        )}
        {panel.points.map((point) => {
          const during = phaseOn(phases, point.date);
          return (
            <Table.Tr key={point.id}>
              <Table.Td>{dates.medium(point.date)}</Table.Td>
              <Table.Td>{score(point.value)}</Table.Td>
              <Table.Td>{point.band ? bandLabel(point.band, t) : '—'}</Table.Td>
              <Table.Td>
                {during ? `${during.number}. ${phaseLabel(during.phase, t)}` : '—'}
              </Table.Td>
              <Table.Td>{point.flags.map((flag) => flagLabel(flag, t)).join(', ') || '—'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
  return (
    <section className={classes.panel} aria-labelledby={titleId}>
      <Group justify="space-between" align="baseline" gap="xs" wrap="wrap" px={4}>
        <Group gap={8} align="baseline" wrap="wrap">
          <Title order={headingOrder} size="h5" id={titleId}>
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            {[subject, direction].filter(Boolean).join(' · ')}
          </Text>
        </Group>
        <Text size="sm" id={summaryId}>
          {summary}
        </Text>
      </Group>
      {geometry.width > 0 && (
        <PanelChart
          panel={panel}
          geometry={geometry}
          score={score}
          dates={dates}
          labelledBy={`${titleId} ${summaryId}`}
          language={language}
        />
      )}
      {panel.goals.length > 0 && (
        <Stack gap={2} px={4} pb={4}>
          {panel.goals.map((goal) => (
            <GoalLine
              key={goal.id}
              goal={goal}
              progress={progress.find((p) => p.goalId === goal.id)}
              score={score}
              signed={(delta) => signedScore(delta, instrument, language)}
              target={targetText(goal.target, goal.direction, instrument, language)}
            />
          ))}
        </Stack>
      )}
      {tableShown ? table : <VisuallyHidden>{table}</VisuallyHidden>}
    </section>
  );
}

function GoalLine({
  goal,
  progress,
  score,
  signed,
  target,
}: {
  goal: TimelinePanel['goals'][number];
  progress: GoalProgress | undefined;
  score: (value: number) => string;
  signed: (delta: number) => string;
  target: string;
}) {
  const { t } = useTranslation('outcomes');
  const parts = [t('timeline.goal', { description: goal.description, target })];
  if (progress?.baseline != null && progress.latest) {
    const change = progress.change ?? 0;
    parts.push(
      t('timeline.goalChange', {
        baseline: score(progress.baseline),
        latest: score(progress.latest.value),
        change: signed(change),
      }),
    );
    if (progress.meaningful) parts.push(t('timeline.meaningful'));
  }
  if (progress?.targetReached != null)
    parts.push(t(progress.targetReached ? 'timeline.reached' : 'timeline.notReached'));
  return (
    <Text size="sm">
      <svg width={22} height={10} aria-hidden className={classes.keyMark}>
        <line
          x1={1}
          x2={21}
          y1={5}
          y2={5}
          stroke={TARGET}
          strokeWidth={1.5}
          strokeDasharray="5 3"
        />
      </svg>
      {parts.join(' · ')}
    </Text>
  );
}

function PanelChart({
  panel,
  geometry,
  score,
  dates,
  labelledBy,
  language,
}: {
  panel: TimelinePanel;
  geometry: Geometry;
  score: (value: number) => string;
  dates: TimelineDates;
  labelledBy: string;
  language: Language;
}) {
  const { t } = useTranslation('outcomes');
  const { width, plotWidth, x, bands, ticks, todayX } = geometry;
  const scale = valueScale(panel);
  const plotHeight = PANEL_HEIGHT - PANEL_TOP - PANEL_BOTTOM;
  const y = scaleY(scale, PANEL_TOP, plotHeight);
  const clampY = (value: number) => y(Math.min(scale.max, Math.max(scale.min, value)));
  const right = PLOT_LEFT + plotWidth;
  const radius = panel.points.length > 100 ? 2 : panel.points.length > 40 ? 3 : 4;
  const line = panel.points
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${x(point.at).toFixed(1)},${clampY(point.value).toFixed(1)}`,
    )
    .join(' ');
  // Goals with the same target share a line; their labels are said once.
  const targets = [...new Map(panel.goals.map((goal) => [goal.target, goal])).values()];
  const numbers = new Intl.NumberFormat(LOCALE_OF[language], { maximumFractionDigits: 2 });
  return (
    <svg
      width={width}
      height={PANEL_HEIGHT}
      role="img"
      aria-labelledby={labelledBy}
      className={classes.svg}
    >
      {bands.map((band) => (
        <g key={band.phase.id}>
          <rect
            x={band.x}
            y={0}
            width={band.width}
            height={PANEL_HEIGHT}
            fill={PHASE_TINT[band.phase.kind].band}
          />
          <line
            x1={band.x}
            x2={band.x}
            y1={0}
            y2={PANEL_HEIGHT}
            stroke={PHASE_TINT[band.phase.kind].edge}
            strokeWidth={1}
          />
        </g>
      ))}
      {ticks.map((tick) => (
        <line
          key={tick.day}
          x1={x(tick.day)}
          x2={x(tick.day)}
          y1={PANEL_TOP}
          y2={PANEL_TOP + plotHeight}
          stroke={GRID}
          strokeOpacity={0.6}
        />
      ))}
      {scale.ticks.map((tick) => (
        <g key={tick}>
          <line x1={PLOT_LEFT} x2={right} y1={y(tick)} y2={y(tick)} stroke={GRID} />
          <text
            x={PLOT_LEFT - 6}
            y={y(tick)}
            textAnchor="end"
            dominantBaseline="middle"
            fontSize={11}
            fill={TICK_TEXT}
          >
            {numbers.format(tick)}
          </text>
        </g>
      ))}
      {todayX >= PLOT_LEFT && todayX <= right && (
        <line
          x1={todayX}
          x2={todayX}
          y1={0}
          y2={PANEL_HEIGHT}
          stroke={TODAY}
          strokeWidth={1.5}
          strokeDasharray="3 2"
        />
      )}
      {targets.map((goal) => {
        const at = clampY(goal.target);
        const label = t('timeline.targetLabel', {
          target: targetText(goal.target, goal.direction, panel.instrument, language),
        });
        const above = at - PANEL_TOP > 16;
        return (
          <g key={goal.id}>
            <line
              x1={PLOT_LEFT}
              x2={right}
              y1={at}
              y2={at}
              stroke={TARGET}
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
            <text
              x={right - 4}
              y={above ? at - 5 : at + 13}
              textAnchor="end"
              fontSize={12}
              fontWeight={600}
              fill={TARGET}
              stroke="white"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {label}
            </text>
          </g>
        );
      })}
      {panel.points.length > 1 && (
        <path d={line} fill="none" stroke={SERIES} strokeWidth={2} strokeLinejoin="round" />
      )}
      {panel.points.map((point) => (
        <g key={point.id}>
          <title>
            {`${dates.medium(point.date)}: ${score(point.value)}${point.band ? ` (${bandLabel(point.band, t)})` : ''}`}
          </title>
          {point.flags.length > 0 && (
            <circle
              cx={x(point.at)}
              cy={clampY(point.value)}
              r={radius + 3.5}
              fill="white"
              stroke={FLAG}
              strokeWidth={2}
            />
          )}
          <circle
            cx={x(point.at)}
            cy={clampY(point.value)}
            r={radius}
            fill={SERIES}
            stroke="white"
            strokeWidth={1.5}
          />
        </g>
      ))}
    </svg>
  );
}
