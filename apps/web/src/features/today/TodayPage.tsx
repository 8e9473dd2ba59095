/** Placeholder while issue 19 is built: replaced by the real screen. */
export function TodayPage() {
  return null;
}
