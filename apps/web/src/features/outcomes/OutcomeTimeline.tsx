/**
 * Placeholder while issue 19 is built: the outcome timeline, one chart of a client's scores over
 * time with a plan's phases shaded behind them and its goals' targets drawn. `planId` chooses
 * the plan whose phases and goals are drawn (the client's active plan when left out).
 */
export function OutcomeTimeline(_props: { clientId: string; planId?: string }) {
  return null;
}
