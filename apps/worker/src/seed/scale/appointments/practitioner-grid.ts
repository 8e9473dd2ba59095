/** A visit a pair would like, and the slot it gets. */
export interface SlotRequest {
  practitioner: number;
  desired: number;
  /** Breaks ties between equal wishes at random rather than by client order. */
  tieBreak: number;
  pair: number;
  slot: number;
}

/**
 * Gives each request its own slot of its practitioner's grid: requests in order of the slot
 * wished for, each the wished slot or, when that is taken, the first free one after it. A
 * slot is an hour and an appointment lasts at most an hour, so one practitioner's
 * appointments never overlap, whatever their status: the exclusion constraint
 * `appointments_no_double_booking` holds by construction.
 */
export function assignSlots(requests: SlotRequest[]): void {
  requests.sort(
    (a, b) => a.practitioner - b.practitioner || a.desired - b.desired || a.tieBreak - b.tieBreak,
  );
  let practitioner = -1;
  let lastSlot = -1;
  for (const request of requests) {
    if (request.practitioner !== practitioner) {
      practitioner = request.practitioner;
      lastSlot = -1;
    }
    request.slot = Math.max(request.desired, lastSlot + 1);
    lastSlot = request.slot;
  }
}
