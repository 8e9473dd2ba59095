import { RequestErrorCode, RequestException } from '../errors/request.exception';

/** The `ETag` of a record at `version`: a strong tag holding the version number. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an update's `If-Match` header names. Absent → 428, so that nobody overwrites
 * a colleague's change by accident; not one of our tags → 412, as it cannot match.
 */
export function versionFromIfMatch(header: string | string[] | undefined): number {
  if (header === undefined || header === '') {
    throw new RequestException(
      RequestErrorCode.PreconditionRequired,
      'Send If-Match with the ETag of the version you are changing.',
      [{ field: 'If-Match', message: 'is required' }],
    );
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(Array.isArray(header) ? header[0] : header.trim());
  if (!match) throw staleVersion();
  return Number(match[1]);
}

/**
 * The version an optional `If-Match` names, for actions (activate, sign) a client may take
 * without reading first: absent is no condition, a tag must still match.
 */
export function optionalVersionFromIfMatch(header: string | undefined): number | undefined {
  return header === undefined || header === '' ? undefined : versionFromIfMatch(header);
}

export function staleVersion(): RequestException {
  return new RequestException(
    RequestErrorCode.PreconditionFailed,
    'The record was changed since you read it; reload it and apply your change again.',
  );
}
