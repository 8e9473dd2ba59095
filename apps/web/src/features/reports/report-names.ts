/**
 * The reports the API publishes and the groupings any of them offers: all the router needs to
 * check an address, kept apart from the catalog so the first screen's bundle carries no more.
 */
export const REPORT_SLUGS = [
  'appointments',
  'clients',
  'follow-ups',
  'treatment-plans',
  'outcomes',
] as const;

/** Every grouping any report offers; each report accepts some of them. */
export const REPORT_GROUPINGS = [
  'practitioner',
  'discipline',
  'week',
  'month',
  'assignee',
  'type',
  'phaseKind',
  'dietProtocol',
] as const;
