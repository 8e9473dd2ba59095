/**
 * `C-000123`: a client's number as people read and say it. In core because every list that
 * names a client (the access log, emergency accesses, requests) says it the same way.
 */
export function formatClientNumber(clientNumber: number): string {
  return `C-${String(clientNumber).padStart(6, '0')}`;
}
