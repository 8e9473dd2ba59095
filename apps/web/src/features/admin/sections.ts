/**
 * The sections of `/admin/$section`. Defined here, without the router (which re-exports them),
 * so that the router's types do not depend on themselves through this file.
 */
export const ADMIN_SECTIONS = ['clinic', 'people', 'directory', 'scales', 'emails'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/**
 * What each section of the clinic's administration needs, in the order the tabs show them.
 * The staff directory is for everyone, but whoever may read the full records has it inside
 * "people" already: it is offered only to those who may not.
 */
const SECTION_PERMISSION: Record<AdminSection, string> = {
  clinic: 'clinic:write',
  people: 'users:read',
  directory: 'users:directory',
  scales: 'instruments:write',
  emails: 'notifications:read',
};

/** The sections `permissions` allow, in tab order; the directory only where people is not. */
export function adminSectionsFor(permissions: readonly string[]): AdminSection[] {
  const held = new Set(permissions);
  const sections = ADMIN_SECTIONS.filter((section) => held.has(SECTION_PERMISSION[section]));
  return sections.includes('people') ? sections.filter((s) => s !== 'directory') : sections;
}

/**
 * Where `/admin`, or a section the user may not open, leads: the first section allowed; the
 * people list for the directory when the user has the full list; null when none is allowed.
 */
export function adminSectionTarget(
  permissions: readonly string[],
  wanted?: string,
): AdminSection | null {
  const allowed = adminSectionsFor(permissions);
  if (wanted && allowed.includes(wanted as AdminSection)) return wanted as AdminSection;
  if (wanted === 'directory' && allowed.includes('people')) return 'people';
  return allowed[0] ?? null;
}
