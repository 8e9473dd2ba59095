import { wantsCsv } from './report-format';

describe('wantsCsv', () => {
  it('lets ?format= decide over the header', () => {
    expect(wantsCsv('csv', 'application/json')).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
  });

  it('gives CSV only when the header prefers it to JSON', () => {
    expect(wantsCsv(undefined, 'text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'text/csv, */*;q=0.1')).toBe(true);
    expect(wantsCsv(undefined, 'application/json;q=0.5, text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'text/csv;q=0, application/json')).toBe(false);
    expect(wantsCsv(undefined, 'application/json, text/csv;q=0.9')).toBe(false);
    expect(wantsCsv(undefined, 'text/html,application/xhtml+xml,*/*;q=0.8')).toBe(false);
    expect(wantsCsv(undefined, '*/*')).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
  });
});
