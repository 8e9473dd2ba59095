import { RequestErrorCode, RequestException } from '../errors/request.exception';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Keyset pagination cursors: the sort key of the last row of a page, as an opaque string the
 * client hands back for the next page. A cursor is base64url of a JSON array of strings; it is
 * not signed, so whatever it decodes to is still user input and goes into SQL as parameters
 * only, and each list can check the shape of its parts (`patterns`).
 */
export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/**
 * The parts of a cursor made by {@link encodeCursor}. Throws a `REQUEST.VALIDATION_FAILED`
 * {@link RequestException} on field `cursor` when the cursor is malformed, has another number
 * of parts than `arity`, or a part does not match its pattern in `patterns` (when given).
 */
export function decodeCursor(
  cursor: string,
  arity: number,
  patterns?: readonly RegExp[],
): string[] {
  const parts = parse(cursor);
  if (
    !parts ||
    parts.length !== arity ||
    (patterns && !patterns.every((pattern, i) => pattern.test(parts[i])))
  ) {
    throw new RequestException(RequestErrorCode.ValidationFailed, 'The cursor is not valid.', [
      { field: 'cursor', message: 'is not a cursor this list returned' },
    ]);
  }
  return parts;
}

function parse(cursor: string): string[] | null {
  // Buffer.from(..., 'base64url') skips characters outside the alphabet instead of failing.
  if (typeof cursor !== 'string' || !BASE64URL.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  return Array.isArray(value) && value.every((part) => typeof part === 'string') ? value : null;
}

/**
 * A page from the rows of a keyset query that asked for `limit + 1`: the extra row only says
 * that more follow, and the cursor is the sort key of the page's last row.
 */
export function keysetPage<T>(
  rows: T[],
  limit: number,
  sortKey: (row: T) => string[],
): { data: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { data: rows, nextCursor: null };
  const data = rows.slice(0, limit);
  return { data, nextCursor: encodeCursor(sortKey(data[data.length - 1])) };
}
