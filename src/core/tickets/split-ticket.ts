/**
 * The national split ticket: a two-seat ticket (president and vice president) split between the
 * coalition's left and right wings, the top of the ticket alternating between sides each cycle.
 * Sides come from the members' self-declared positions exactly as the pact engine reads them
 * (src/core/allocate/transfer.ts `onSameSide`): below 0 is left, above 0 is right, 0 or none is
 * on no side.
 */

export type Side = 'left' | 'right';

export function sideOf(position: number | null): Side | null {
  if (position === null || position === 0) return null;
  return position < 0 ? 'left' : 'right';
}

export interface TicketSeat {
  candidate: string;
  member: string;
  position: number | null;
}

export interface PreviousTicket {
  cycle: number;
  topSide: Side | null;
}

export type SplitProblem =
  | { code: 'ticket.side_unknown'; seat: 'top' | 'second'; member: string }
  | { code: 'ticket.same_side'; side: Side; top: string; second: string }
  | { code: 'ticket.top_not_alternating'; side: Side; previousCycle: number };

export interface SplitCheck {
  ok: boolean;
  /** The rule was broken but a passed override decision lets the ticket stand. */
  overridden: boolean;
  topSide: Side | null;
  problems: SplitProblem[];
}

export interface SplitInput {
  /** The coalition's setting: off means any ticket is fine. */
  enabled: boolean;
  top: TicketSeat;
  second: TicketSeat;
  /** The coalition's ticket of the latest earlier cycle, if any. */
  previous: PreviousTicket | null;
  /** An override decision on this ticket has passed. */
  overridePassed: boolean;
}

export function checkSplitTicket(input: SplitInput): SplitCheck {
  const topSide = sideOf(input.top.position);
  const secondSide = sideOf(input.second.position);
  if (!input.enabled) return { ok: true, overridden: false, topSide, problems: [] };
  const problems: SplitProblem[] = [];
  if (topSide === null) problems.push({ code: 'ticket.side_unknown', seat: 'top', member: input.top.member });
  if (secondSide === null)
    problems.push({ code: 'ticket.side_unknown', seat: 'second', member: input.second.member });
  if (topSide !== null && topSide === secondSide) {
    problems.push({
      code: 'ticket.same_side',
      side: topSide,
      top: input.top.member,
      second: input.second.member,
    });
  }
  if (topSide !== null && input.previous?.topSide === topSide) {
    problems.push({ code: 'ticket.top_not_alternating', side: topSide, previousCycle: input.previous.cycle });
  }
  if (problems.length > 0 && input.overridePassed) return { ok: true, overridden: true, topSide, problems };
  return { ok: problems.length === 0, overridden: false, topSide, problems };
}

export function describeSplitProblem(problem: SplitProblem): string {
  switch (problem.code) {
    case 'ticket.side_unknown':
      return `${problem.member} declares no left–right position, so the ${problem.seat === 'top' ? 'top of the ticket' : 'second seat'} has no side.`;
    case 'ticket.same_side':
      return `Both seats are on the ${problem.side} (${problem.top} and ${problem.second}): the split ticket needs one from each side.`;
    case 'ticket.top_not_alternating':
      return `The ${problem.side} held the top of the ticket in ${problem.previousCycle}: this cycle the top goes to the other side.`;
  }
}
