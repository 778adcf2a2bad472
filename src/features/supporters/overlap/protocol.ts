import { randomBytes, randomInt } from 'node:crypto';
import {
  blindIdentifiers,
  countShared,
  reblind,
  scalarFromBytes,
  shuffled,
} from '../../../core/people/psi.ts';

/**
 * One side of the overlap protocol. It holds a fresh secret key for one run only (never stored:
 * once the run is over nobody, the operator included, can recompute anything from what is kept)
 * and its own identifiers, and exposes only blinded points.
 */
export class OverlapParty {
  readonly #key = scalarFromBytes(randomBytes(64));
  readonly #identifiers: string[];

  constructor(identifiers: readonly string[]) {
    this.#identifiers = [...identifiers];
  }

  /** Step 1: my identifiers as H(x)^k, in random order. */
  blindOwn(): string[] {
    return shuffled(blindIdentifiers(this.#identifiers, this.#key), randomInt);
  }

  /** Step 2: the other side's points raised to my key, in random order (so it cannot tell which matched). */
  reblindTheirs(points: readonly string[]): string[] {
    return shuffled(reblind(points, this.#key), randomInt);
  }

  /** Step 3: my own double-blinded points (from the other side) against theirs (which I double-blinded). */
  count(mineDouble: readonly string[], theirsDouble: readonly string[]): number {
    return countShared(mineDouble, theirsDouble);
  }
}

export interface RelayedMessage {
  from: 'requester' | 'partner';
  to: 'requester' | 'partner';
  step: 'blinded' | 'double-blinded';
  points: string[];
}

/**
 * The run, as the server relays it: each message goes from one party to the other through the
 * relay and is recorded in the transcript (what an observer of the server's traffic would see).
 * Each party computes the count itself from what it received.
 */
export function runOverlap(requesterIds: readonly string[], partnerIds: readonly string[]) {
  const requester = new OverlapParty(requesterIds);
  const partner = new OverlapParty(partnerIds);
  const transcript: RelayedMessage[] = [];
  const relay = (message: RelayedMessage) => {
    transcript.push(message);
    return message.points;
  };
  const requesterBlinded = relay({
    from: 'requester',
    to: 'partner',
    step: 'blinded',
    points: requester.blindOwn(),
  });
  const partnerBlinded = relay({
    from: 'partner',
    to: 'requester',
    step: 'blinded',
    points: partner.blindOwn(),
  });
  const requesterDouble = relay({
    from: 'partner',
    to: 'requester',
    step: 'double-blinded',
    points: partner.reblindTheirs(requesterBlinded),
  });
  const partnerDouble = relay({
    from: 'requester',
    to: 'partner',
    step: 'double-blinded',
    points: requester.reblindTheirs(partnerBlinded),
  });
  return {
    requesterCount: requester.count(requesterDouble, partnerDouble),
    partnerCount: partner.count(partnerDouble, requesterDouble),
    transcript,
  };
}
