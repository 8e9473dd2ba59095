import type { ReportFormat } from '@meridian/reports';

/**
 * Whether a report is wanted as CSV: `?format=` decides; without it, the Accept header, by
 * quality (RFC 9110), CSV only when preferred to JSON. Ties and no header give JSON.
 */
export function wantsCsv(format: ReportFormat | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  if (!accept) return false;
  return quality(accept, 'text/csv') > quality(accept, 'application/json');
}

/** The quality the header gives `type`: from its most specific matching range, 0 if none. */
function quality(accept: string, type: string): number {
  const [typeMajor] = type.split('/');
  let best = { specificity: -1, q: 0 };
  for (const range of accept.split(',')) {
    const [media, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const specificity =
      media === type ? 2 : media === `${typeMajor}/*` ? 1 : media === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    best = { specificity, q: Number.isFinite(value) ? value : 0 };
  }
  return best.q;
}
