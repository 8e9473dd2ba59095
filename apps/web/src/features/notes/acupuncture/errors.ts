export type FieldErrors = Readonly<Record<string, string>>;

/** The content's own fields: errors of the note itself (`sessionDate`) are the page's to show. */
const CONTENT_ROOT =
  /^(chiefComplaint|tongue|pulse|patterns|points|adjuncts|response|adverseEvents)\b/;

/** The keys a field of the editor shows (a list's items at the list). */
const PLACED = [
  /^chiefComplaint$/,
  /^tongue\.(bodyColour|coating|shape)$/,
  /^pulse\.rate$/,
  /^pulse\.(left|right)\.(cun|guan|chi)(\[\d+\])?$/,
  /^patterns(\[\d+\])?$/,
  /^points$/,
  /^points\[\d+\](\.(code|side|technique|retentionMinutes))?$/,
  /^adjuncts(\[\d+\])?$/,
  /^response$/,
  /^adverseEvents$/,
];

/** The errors of a field and, for a list, of its items (`patterns`, `patterns[3]`), joined. */
export function errorOf(errors: FieldErrors, field: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(
      ([key]) =>
        key === field || (key.startsWith(`${field}[`) && /^\[\d+\]$/.test(key.slice(field.length))),
    )
    .map(([, message]) => message);
  return messages.length > 0 ? messages.join(' · ') : undefined;
}

/** The errors of one picked point by field; `row` for the point as a whole (`points[2]`). */
export function pointErrors(errors: FieldErrors, index: number) {
  const at = (field: string) => errors[`points[${index}]${field}`];
  return {
    row: at(''),
    code: at('.code'),
    side: at('.side'),
    technique: at('.technique'),
    retentionMinutes: at('.retentionMinutes'),
  };
}

/**
 * Errors under the content that no field of the editor shows (`tongue` as a whole, a point
 * beyond the list), listed at the top so that none goes unseen.
 */
export function unplacedErrors(errors: FieldErrors, pointCount: number): [string, string][] {
  return Object.entries(errors).filter(([key]) => {
    if (!CONTENT_ROOT.test(key)) return false;
    const point = key.match(/^points\[(\d+)\]/);
    if (point && Number(point[1]) >= pointCount) return true;
    return !PLACED.some((pattern) => pattern.test(key));
  });
}
