import type { TFunction } from 'i18next';
import type { ClinicFormat } from '../../lib/format';
import type { PhaseNow } from './phase-time';
import type { Phase } from './types';

/** "Eliminatie — carnivoor" / "Elimination — carnivore"; a phase without a diet by its kind. */
export function phaseName(phase: Pick<Phase, 'kind' | 'dietProtocol'>, t: TFunction): string {
  const kind = t(`plans:phase.kind.${phase.kind}`);
  return phase.dietProtocol
    ? t('plans:phase.withProtocol', {
        kind,
        protocol: t(`plans:phase.protocol.${phase.dietProtocol}`),
      })
    : kind;
}

/**
 * Where the plan stands today, in a line: "Eliminatie — carnivoor, dag 12 van 42", or when
 * the next phase starts, or that the last one ended.
 */
export function phaseNowText(now: PhaseNow, t: TFunction, format: ClinicFormat): string {
  switch (now.state) {
    case 'none':
      return t('plans:now.none');
    case 'in':
      return t('plans:now.in', { phase: phaseName(now.phase, t), day: now.day, days: now.days });
    case 'before':
      return t('plans:now.before', {
        phase: phaseName(now.next, t),
        date: format.date(now.next.startsOn),
      });
    case 'between':
      return t('plans:now.between', {
        phase: phaseName(now.next, t),
        date: format.date(now.next.startsOn),
      });
    case 'after':
      return t('plans:now.after', { date: format.date(now.endedOn) });
  }
}
