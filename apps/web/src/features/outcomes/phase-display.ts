import type { TFunction } from 'i18next';
import type { Phase } from './types';

/**
 * The phases' tints, calm enough to lie behind the lines (`band`) and a shade stronger where
 * their names are written (`label`, dark text on it reads well above AA). Each phase is always
 * named too: the colour only helps the eye follow it down the panels.
 */
export const PHASE_TINT: Record<Phase['kind'], { band: string; label: string; edge: string }> = {
  elimination: { band: '#fff4e6', label: '#ffe8cc', edge: '#ffa94d' },
  reintroduction: { band: '#e7f5ff', label: '#d0ebff', edge: '#74c0fc' },
  maintenance: { band: '#ebfbee', label: '#d3f9d8', edge: '#8ce99a' },
  other: { band: '#f1f3f5', label: '#e9ecef', edge: '#adb5bd' },
};

/** "Elimination · carnivore", or the kind alone when the phase follows no diet protocol. */
export function phaseLabel(phase: Pick<Phase, 'kind' | 'dietProtocol'>, t: TFunction): string {
  const kind = t(`outcomes:phases.${phase.kind}`);
  return phase.dietProtocol ? `${kind} · ${t(`outcomes:protocols.${phase.dietProtocol}`)}` : kind;
}
