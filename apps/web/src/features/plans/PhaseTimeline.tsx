import { Group, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinic } from '../../app/clinic-context';
import { LOCALE_OF } from '../../i18n';
import { todayIn } from '../../lib/clinic-time';
import { useNow } from '../../lib/use-now';
import { phaseName, phaseNowText } from './phase-text';
import { phaseLength, phaseOn, timelineGeometry } from './phase-time';
import type { Phase } from './types';
import classes from './PhaseTimeline.module.css';

/** A segment narrower than this (percent of the band) shows only its number. */
const NARROW = 9;

/**
 * The plan's phases on one horizontal band, each as wide as its days, with today marked on
 * the clinic's clock: where the client is in the plan at a glance. Each phase's full name and
 * dates are in its segment for screen readers (and in its tooltip), whatever its width.
 */
export function PhaseTimeline({
  phases,
  label,
  markToday = true,
  describeToday = true,
}: {
  phases: readonly Phase[];
  label: string;
  /** Today's line on the band: not for a plan that has ended. */
  markToday?: boolean;
  /** Where today falls, in words ("day 12 of 42"): for a running plan and while planning. */
  describeToday?: boolean;
}) {
  const { t } = useTranslation('plans');
  const { timeZone, format, language } = useClinic();
  const now = useNow(60_000);
  const today = todayIn(timeZone, now);
  const geometry = useMemo(() => timelineGeometry(phases, today), [phases, today]);
  const month = useMemo(
    () =>
      new Intl.DateTimeFormat(LOCALE_OF[language], {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    [language],
  );
  if (!geometry) return null;
  const current = phaseOn(phases, today);
  const edge =
    geometry.today === null
      ? undefined
      : geometry.today < 6
        ? 'start'
        : geometry.today > 94
          ? 'end'
          : undefined;

  return (
    <div className={classes.timeline}>
      <div className={classes.bandFrame}>
        {markToday && geometry.today !== null && (
          <>
            <span
              className={classes.todayLabel}
              data-edge={edge}
              style={{ left: `${geometry.today}%` }}
              aria-hidden
            >
              {t('timeline.today')}
            </span>
            <span className={classes.today} style={{ left: `${geometry.today}%` }} aria-hidden />
          </>
        )}
        <ol className={classes.band} aria-label={label}>
          {geometry.segments.map(({ phase, left, width }, index) => {
            const name = phaseName(phase, t);
            const dates = t('timeline.dates', {
              from: format.date(phase.startsOn),
              to: format.date(phase.endsOn),
              count: phaseLength(phase),
            });
            const narrow = width < NARROW;
            const isCurrent = current.state === 'in' && current.number === index + 1;
            return (
              <li
                key={phase.id}
                className={`${classes.segment} ${classes[phase.kind]}`}
                style={{ left: `${left}%`, width: `${width}%` }}
                title={`${index + 1}. ${name}: ${dates}`}
                data-current={isCurrent || undefined}
              >
                <span className={classes.segmentName} aria-hidden>
                  {narrow ? index + 1 : `${index + 1}. ${name}`}
                </span>
                {!narrow && (
                  <span className={classes.segmentDays} aria-hidden>
                    {t('timeline.days', { count: phaseLength(phase) })}
                  </span>
                )}
                <VisuallyHidden>{`${index + 1}. ${name}: ${dates}`}</VisuallyHidden>
              </li>
            );
          })}
        </ol>
      </div>
      <div className={classes.ticks} aria-hidden>
        {geometry.ticks.map((tick) => (
          <span
            key={tick.date}
            className={classes.tick}
            style={{ left: `${tick.left}%` }}
            data-edge={tick.left > 88 ? 'end' : undefined}
          >
            {month.format(new Date(`${tick.date}T00:00:00Z`))}
          </span>
        ))}
      </div>
      {describeToday && (
        <Group gap="xs" mt={4}>
          <Text size="sm" fw={500}>
            {t('timeline.todayIs')}
          </Text>
          <Text size="sm">{phaseNowText(current, t, format)}</Text>
        </Group>
      )}
    </div>
  );
}

/** The colour of a phase kind, as a small square beside its name in a list. */
export function PhaseSwatch({ kind }: { kind: Phase['kind'] }) {
  return <span className={`${classes.swatch} ${classes[kind]}`} aria-hidden />;
}
