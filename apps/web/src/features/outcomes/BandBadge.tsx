import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { bandLabel, bandSeverity, flagLabel, type Severity } from './display';
import { SELF_HARM_FLAG, type Instrument } from './types';

/**
 * Each severity's badge: the lightest shade of its colour with text that reads at WCAG AA, the
 * most severe band filled. The band's name is always written: colour only adds to it.
 */
const TONES: Record<Severity, { bg: string; fg: string; bd: string }> = {
  none: { bg: 'gray-0', fg: 'gray-9', bd: 'gray-4' },
  low: { bg: 'teal-0', fg: 'teal-9', bd: 'teal-3' },
  middle: { bg: 'yellow-0', fg: 'dark-7', bd: 'yellow-5' },
  high: { bg: 'orange-0', fg: 'dark-7', bd: 'orange-5' },
  highest: { bg: 'red-9', fg: 'white', bd: 'red-9' },
};

const cssColor = (name: string) => (name === 'white' ? 'white' : `var(--mantine-color-${name})`);

/** A score's band by its words and a colour from calm to alarming, as PHQ-9 and GAD-7 name them. */
export function BandBadge({
  instrument,
  band,
}: {
  instrument: Instrument | undefined;
  band: string;
}) {
  const { t } = useTranslation('outcomes');
  const tone = TONES[instrument ? bandSeverity(instrument, band) : 'none'];
  return (
    <Badge
      size="md"
      tt="none"
      fw={600}
      variant="light"
      vars={() => ({
        root: {
          '--badge-bg': cssColor(tone.bg),
          '--badge-color': cssColor(tone.fg),
          '--badge-bd': `1px solid ${cssColor(tone.bd)}`,
        },
      })}
    >
      {bandLabel(band, t)}
    </Badge>
  );
}

/** A flag the server raised, in words and with a warning sign; the self-harm flag in red. */
export function FlagBadge({ flag }: { flag: string }) {
  const { t } = useTranslation('outcomes');
  const urgent = flag === SELF_HARM_FLAG;
  return (
    <Badge
      size="md"
      tt="none"
      fw={600}
      variant="outline"
      color={urgent ? 'red.9' : 'gray.8'}
      leftSection={<IconAlertTriangle size={13} aria-hidden />}
      styles={{ label: { overflow: 'visible' } }}
    >
      {flagLabel(flag, t)}
    </Badge>
  );
}
