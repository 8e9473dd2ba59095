import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinicProvider } from '../../app/clinic-context';
import type { Clinic, Me } from '../../app/session/session-store';
import i18n from '../../i18n';
import { PeriodPicker } from './PeriodPicker';
import { REPORT_SPECS } from './report-catalog';
import type { ReportPeriod } from './report-period';

const me = { id: 'm', roles: ['manager'], permissions: [] } as unknown as Me;
const clinic = { id: 'c', name: 'Kliniek', timeZone: 'Europe/Amsterdam' } as unknown as Clinic;

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderPicker(slug: keyof typeof REPORT_SPECS, period: ReportPeriod) {
  const onChange = vi.fn();
  render(
    <MantineProvider>
      <ClinicProvider me={me} clinic={clinic}>
        <PeriodPicker
          spec={REPORT_SPECS[slug]}
          period={period}
          today="2026-12-07"
          onChange={onChange}
        />
      </ClinicProvider>
    </MantineProvider>,
  );
  return onChange;
}

describe('PeriodPicker', () => {
  it('offers a whole-month report only presets of whole months, and gives their days', () => {
    const onChange = renderPicker('outcomes', { from: '2026-01-01', to: '2026-12-31' });
    const select = screen.getByLabelText('Periode') as HTMLSelectElement;
    expect(select.value).toBe('last12Months');
    const options = [...select.options].map((option) => option.value);
    expect(options).not.toContain('last30Days');
    fireEvent.change(select, { target: { value: 'lastYear' } });
    expect(onChange).toHaveBeenCalledWith({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('shows a period of one’s own as months for a whole-month report, as days otherwise', () => {
    renderPicker('treatment-plans', { from: '2026-03-01', to: '2026-05-31' });
    expect((screen.getByLabelText('Periode') as HTMLSelectElement).value).toBe('custom');
    expect(screen.getByText('Van maand')).toBeInTheDocument();
    expect(screen.getByText('Tot en met maand')).toBeInTheDocument();
  });

  it('picks days for the appointments report', () => {
    renderPicker('appointments', { from: '2026-03-05', to: '2026-04-20' });
    expect(screen.getByText('Van')).toBeInTheDocument();
    expect(screen.getByText('Tot en met')).toBeInTheDocument();
  });
});
