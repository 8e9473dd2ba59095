/** What a user does in the clinic; a user may hold several (an owner is often admin + practitioner). */
export enum Role {
  Admin = 'admin',
  Manager = 'manager',
  Practitioner = 'practitioner',
  Receptionist = 'receptionist',
}

export const ROLES = Object.values(Role);

/** The disciplines a practitioner works in; they decide which notes they may write. */
export enum Discipline {
  Acupuncture = 'acupuncture',
  Psychology = 'psychology',
  Nutrition = 'nutrition',
  Training = 'training',
}

export const DISCIPLINES = Object.values(Discipline);
