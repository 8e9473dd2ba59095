import { describe, expect, it } from 'vitest';
import { adminSectionsFor, adminSectionTarget } from './sections';

const ADMIN = [
  'clinic:read',
  'clinic:write',
  'users:directory',
  'users:read',
  'users:write',
  'users:write-admin',
  'instruments:read',
  'instruments:write',
  'notifications:read',
];
const MANAGER = ['clinic:read', 'users:directory', 'users:read', 'users:write', 'instruments:read'];
const PRACTITIONER = ['clinic:read', 'users:directory', 'instruments:read'];

describe('the sections of the clinic', () => {
  it('shows each role only what its permissions allow, in tab order', () => {
    expect(adminSectionsFor(ADMIN)).toEqual(['clinic', 'people', 'scales', 'emails']);
    expect(adminSectionsFor(MANAGER)).toEqual(['people']);
    expect(adminSectionsFor(PRACTITIONER)).toEqual(['directory']);
    expect(adminSectionsFor(['session:own'])).toEqual([]);
  });

  it('leads /admin to the first allowed section', () => {
    expect(adminSectionTarget(ADMIN)).toBe('clinic');
    expect(adminSectionTarget(MANAGER)).toBe('people');
    expect(adminSectionTarget(PRACTITIONER)).toBe('directory');
    expect(adminSectionTarget([])).toBeNull();
  });

  it('keeps an allowed section and redirects one that is not', () => {
    expect(adminSectionTarget(ADMIN, 'emails')).toBe('emails');
    expect(adminSectionTarget(MANAGER, 'clinic')).toBe('people');
    expect(adminSectionTarget(PRACTITIONER, 'people')).toBe('directory');
    expect(adminSectionTarget(MANAGER, 'nonsense')).toBe('people');
  });

  it('sends whoever has the full list from the directory to people', () => {
    expect(adminSectionTarget(ADMIN, 'directory')).toBe('people');
    expect(adminSectionTarget(MANAGER, 'directory')).toBe('people');
  });
});
