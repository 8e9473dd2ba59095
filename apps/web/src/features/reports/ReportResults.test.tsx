import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinicProvider } from '../../app/clinic-context';
import type { Clinic, Me } from '../../app/session/session-store';
import i18n from '../../i18n';
import { REPORT_SPECS } from './report-catalog';
import { parseCsv } from './report-csv';
import { ReportResults } from './ReportResults';
import { APPOINTMENTS_BY_MONTH } from './test-fixtures';

const me = { id: 'm', roles: ['manager'], permissions: ['reports:read'] } as unknown as Me;
const clinic = { id: 'c', name: 'Kliniek', timeZone: 'Europe/Amsterdam' } as unknown as Clinic;

let downloaded: Blob[] = [];
beforeEach(async () => {
  await i18n.changeLanguage('nl');
  downloaded = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    downloaded.push(blob);
    return 'blob:report';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

const text = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });

describe('ReportResults', () => {
  it('downloads as CSV exactly the table it shows', async () => {
    render(
      <MantineProvider>
        <ClinicProvider me={me} clinic={clinic}>
          <ReportResults
            spec={REPORT_SPECS.appointments}
            answer={APPOINTMENTS_BY_MONTH}
            arrivedAt={Date.now()}
            current
            period={{ from: '2026-01-01', to: '2026-03-31' }}
            grouping="month"
          />
        </ClinicProvider>
      </MantineProvider>,
    );
    const table = screen.getByRole('table', { name: /Afspraken, 01-01-2026 t\/m 31-03-2026/ });
    const shown = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(shown[2]).toContain('minder dan 5 cliënten');
    expect(shown[2]).not.toContain('0');

    fireEvent.click(screen.getByRole('button', { name: 'CSV downloaden' }));
    expect(downloaded).toHaveLength(1);
    expect(parseCsv(await text(downloaded[0]), ';')).toEqual(shown);
  });
});
