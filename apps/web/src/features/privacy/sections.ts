import { PRIVACY_SECTIONS } from '../../app/router';

export type PrivacySection = (typeof PRIVACY_SECTIONS)[number];

/** The permission each section reads with: a section the user may not use is not shown. */
const SECTION_PERMISSION: Record<PrivacySection, string> = {
  'access-log': 'audit:read',
  'break-glass': 'break-glass:read',
  requests: 'erasure-requests:read',
  retention: 'retention-reviews:read',
};

export function privacySectionsFor(permissions: readonly string[]): PrivacySection[] {
  return PRIVACY_SECTIONS.filter((section) => permissions.includes(SECTION_PERMISSION[section]));
}

/** The section to show for `wanted`: itself when allowed, else the first allowed, else null. */
export function privacySectionTarget(
  permissions: readonly string[],
  wanted?: string,
): PrivacySection | null {
  const allowed = privacySectionsFor(permissions);
  return allowed.find((section) => section === wanted) ?? allowed[0] ?? null;
}
