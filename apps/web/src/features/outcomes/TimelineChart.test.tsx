import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ClinicProvider } from '../../app/clinic-context';
import type { Clinic, Me } from '../../app/session/session-store';
import i18n from '../../i18n';
import { TimelineChart } from './TimelineChart';
import { buildPanels } from './timeline-model';
import { CATALOG, measurement, phase } from './test-fixtures';
import type { Goal } from './types';

const me = { id: 'sanne', roles: ['practitioner'], permissions: [] } as unknown as Me;
const clinic = {
  id: 'c',
  name: 'Kliniek',
  timeZone: 'Europe/Amsterdam',
  locale: 'nl',
} as unknown as Clinic;

const phases = [
  phase('elimination', '2026-10-01', '2026-11-11'),
  phase('reintroduction', '2026-11-12', '2026-12-23'),
];
const goal: Goal = {
  id: 'g1',
  description: 'Angst naar mild',
  instrument: 'GAD-7',
  baseline: 12,
  target: 9,
  direction: 'lower-is-better',
  dueOn: null,
  status: 'open',
};

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderChart() {
  // Newest first, as the API lists them: many PHQ-9s, one weight, no GAD-7 yet (only its goal).
  const measurements = [
    measurement('WEIGHT', '2026-11-20', 79.4),
    measurement('PHQ-9', '2026-11-20', 10, { band: 'moderate', flags: ['self-harm-risk'] }),
    measurement('PHQ-9', '2026-11-01', 8, { band: 'mild' }),
    measurement('PHQ-9', '2026-09-25', 16, { band: 'moderately severe' }),
  ];
  return render(
    <MantineProvider>
      <ClinicProvider me={me} clinic={clinic}>
        <TimelineChart
          panels={buildPanels(measurements, CATALOG, [goal])}
          phases={phases}
          progress={[]}
          today="2026-11-20"
          headingOrder={3}
        />
      </ClinicProvider>
    </MantineProvider>,
  );
}

describe('the outcome timeline’s text alternative', () => {
  it('gives each instrument its heading, summary and a table of its values with the phase of each', () => {
    renderChart();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'PHQ-9',
      'GAD-7',
      'Gewicht',
    ]);
    expect(
      screen.getByText('3 metingen sinds 25 sep 2026; laatste op 20 nov 2026: 10 (Matig)'),
    ).toBeInTheDocument();
    const phq9 = screen.getByRole('table', { name: 'PHQ-9: metingen in de tijd' });
    const rows = within(phq9).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '25 sep 2026' + '16' + 'Matig ernstig' + '—' + '—',
      '1 nov 2026' + '8' + 'Mild' + '1. Eliminatie · carnivoor' + '—',
      '20 nov 2026' + '10' + 'Matig' + '2. Herintroductie' + 'Risico op zelfbeschadiging (vraag 9)',
    ]);
    // One measurement, a scale: with its unit.
    expect(screen.getByText('1 meting, op 20 nov 2026: 79,4 kg')).toBeInTheDocument();
  });

  it('shows a goal’s target before its instrument is measured', () => {
    renderChart();
    const gad7 = screen.getByRole('table', { name: 'GAD-7: metingen in de tijd' });
    expect(within(gad7).getByText('Nog geen metingen')).toBeInTheDocument();
    expect(screen.getByText('Doel: Angst naar mild (≤ 9)')).toBeInTheDocument();
  });

  it('names the phases with their days, the current one marked', () => {
    renderChart();
    const legend = screen.getByRole('list', { name: 'Fasen van het plan' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      '1. Eliminatie · carnivoor 1 okt 2026 – 11 nov 2026',
      '2. Herintroductie 12 nov 2026 – 23 dec 2026 · nu',
    ]);
  });
});
