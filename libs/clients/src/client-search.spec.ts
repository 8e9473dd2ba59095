import { parseSearch } from './client-search';

describe('parseSearch', () => {
  it.each([
    ['C-000123', { kind: 'number', clientNumber: 123 }],
    ['c123', { kind: 'number', clientNumber: 123 }],
    ['42', { kind: 'number', clientNumber: 42 }],
    ['1984-03-02', { kind: 'dateOfBirth', dateOfBirth: '1984-03-02' }],
    ['02-03-1984', { kind: 'dateOfBirth', dateOfBirth: '1984-03-02' }],
    ['02/03/1984', { kind: 'dateOfBirth', dateOfBirth: '1984-03-02' }],
    [' Sanne@Example.NL ', { kind: 'email', email: 'sanne@example.nl' }],
    ['06-12345678', { kind: 'phone', phone: '+31612345678' }],
    ['+31 6 1234 5678', { kind: 'phone', phone: '+31612345678' }],
    ['  Sanne   de Vries ', { kind: 'name', name: 'sanne de vries' }],
    ["O'Brien; DROP TABLE clients;--", { kind: 'name', name: "o'brien; drop table clients;--" }],
  ])('reads %j', (raw, term) => {
    expect(parseSearch(raw)).toEqual(term);
  });

  it('finds nothing in blanks or impossible dates, and cuts very long names', () => {
    expect(parseSearch('   ')).toBeNull();
    expect(parseSearch('31-02-1984')).toBeNull();
    expect(parseSearch('x'.repeat(1000))).toEqual({ kind: 'name', name: 'x'.repeat(100) });
  });
});
