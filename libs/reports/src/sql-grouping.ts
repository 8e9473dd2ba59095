/** One column a report's rows are grouped by: the SQL that computes it and its name in a row. */
export type GroupExpression = readonly [sql: string, column: string];

export interface GroupClauses {
  /** The group's columns, each followed by a comma, to open a SELECT list. */
  select: string;
  groupBy: string;
  orderBy: string;
}

/**
 * SELECT, GROUP BY and ORDER BY for grouping by `expressions` (none: one row for everything).
 * The expressions come from each repository's fixed table, never from the request.
 */
export function groupClauses(expressions: readonly GroupExpression[]): GroupClauses {
  if (!expressions.length) return { select: '', groupBy: '', orderBy: '' };
  const sql = expressions.map(([expression]) => expression);
  return {
    select: expressions.map(([expression, column]) => `${expression} AS "${column}", `).join(''),
    groupBy: `GROUP BY ${sql.join(', ')}`,
    orderBy: `ORDER BY ${sql.map((expression) => `${expression} NULLS LAST`).join(', ')}`,
  };
}

/** The row columns a grouping adds, in order: the names in its expressions. */
export function columnsOf(expressions: readonly GroupExpression[]): string[] {
  return expressions.map(([, column]) => column);
}

/** The Monday of the clinic's calendar week of instant `column`, as `YYYY-MM-DD`. */
export function weekOf(column: string, timeZoneParam: string): string {
  return `to_char(date_trunc('week', ${column} AT TIME ZONE ${timeZoneParam}), 'YYYY-MM-DD')`;
}

/** The clinic's calendar month of instant `column`, as `YYYY-MM`. */
export function monthOf(column: string, timeZoneParam: string): string {
  return `to_char(${column} AT TIME ZONE ${timeZoneParam}, 'YYYY-MM')`;
}
