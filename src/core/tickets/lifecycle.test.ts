import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateActions, type candidateStatuses, checkCandidateTransition } from './lifecycle.ts';

describe('candidate lifecycle', () => {
  it('walks proposed → endorsed → filed → on_ballot → elected', () => {
    let status = 'proposed' as (typeof candidateStatuses)[number];
    for (const action of ['endorse', 'file', 'certify', 'elect'] as const) {
      const step = checkCandidateTransition(status, action);
      if (!step.allowed) throw new Error(action);
      status = step.to;
    }
    expect(status).toBe('elected');
  });

  it('refuses filing before endorsement and says from where it is allowed', () => {
    expect(checkCandidateTransition('proposed', 'file')).toEqual({
      allowed: false,
      allowedFrom: ['endorsed'],
    });
  });

  it('property: elected, defeated and rejected are final', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('elected', 'defeated', 'rejected' as const),
        fc.constantFrom(...candidateActions),
        (from, action) => {
          expect(checkCandidateTransition(from, action).allowed).toBe(false);
        },
      ),
    );
  });
});
