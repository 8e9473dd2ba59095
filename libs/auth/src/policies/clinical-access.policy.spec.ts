import type { Actor } from '@meridian/core';
import { Discipline, Role } from '../access/role';
import { clinicalAccess, mayReadNoteContent, mayWriteNote } from './clinical-access.policy';

const actor = (roles: string[], disciplines: string[] = [], userId = 'u1'): Actor => ({
  userId,
  clinicId: 'c1',
  roles,
  disciplines,
  sessionId: 's1',
  mfa: true,
});
const team = (...ids: string[]) => new Set(ids);

describe('clinical access policy', () => {
  it('opens clinical content to care-team practitioners for treatment', () => {
    expect(
      clinicalAccess(actor([Role.Practitioner], ['acupuncture']), {
        careTeam: team('u1'),
        brokenGlass: false,
      }),
    ).toBe('treatment');
  });

  it('opens it outside the care team only through broken glass', () => {
    const outsider = actor([Role.Practitioner], ['nutrition']);
    expect(clinicalAccess(outsider, { careTeam: team('u2'), brokenGlass: false })).toBeNull();
    expect(clinicalAccess(outsider, { careTeam: team('u2'), brokenGlass: true })).toBe(
      'break-glass',
    );
  });

  it('never opens it to reception, managers or admins, even on the care team', () => {
    for (const role of [Role.Receptionist, Role.Manager, Role.Admin]) {
      expect(clinicalAccess(actor([role]), { careTeam: team('u1'), brokenGlass: true })).toBeNull();
    }
  });

  it('keeps psychology content for psychologists', () => {
    const acupuncturist = actor([Role.Practitioner], [Discipline.Acupuncture]);
    const psychologist = actor([Role.Practitioner], [Discipline.Psychology]);
    expect(mayReadNoteContent(acupuncturist, Discipline.Psychology, 'treatment')).toBe(false);
    expect(mayReadNoteContent(acupuncturist, Discipline.Acupuncture, 'treatment')).toBe(true);
    expect(mayReadNoteContent(psychologist, Discipline.Psychology, 'treatment')).toBe(true);
    expect(mayReadNoteContent(psychologist, Discipline.Psychology, null)).toBe(false);
    // Broken glass opens the record, not another psychologist's therapy notes.
    expect(mayReadNoteContent(psychologist, Discipline.Psychology, 'break-glass')).toBe(false);
    expect(mayReadNoteContent(acupuncturist, Discipline.Acupuncture, 'break-glass')).toBe(true);
  });

  it('lets practitioners write notes in their own disciplines only', () => {
    const coach = actor([Role.Practitioner], [Discipline.Nutrition, Discipline.Training]);
    expect(mayWriteNote(coach, Discipline.Training, 'treatment')).toBe(true);
    expect(mayWriteNote(coach, Discipline.Psychology, 'treatment')).toBe(false);
    expect(mayWriteNote(coach, Discipline.Training, null)).toBe(false);
  });
});
