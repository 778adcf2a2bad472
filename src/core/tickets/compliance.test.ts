import { describe, expect, it } from 'vitest';
import { findDissidence } from './compliance.ts';

const pact = { pactId: 'p1', pactName: 'House pact' };

describe('dissident candidacies', () => {
  it('flags member A in a race the pact gave to member B, naming the race and both members', () => {
    const found = findDissidence({ organizationId: 'A', nominators: ['A'] }, [
      { ...pact, raceKey: 'MI-13', organizationId: 'B' },
    ]);
    expect(found).toEqual([{ ...pact, raceKey: 'MI-13', assignedTo: 'B', dissident: 'A' }]);
  });

  it('never flags the pact member itself, an open race, or a joint nomination with the pact member', () => {
    expect(
      findDissidence({ organizationId: 'B', nominators: ['B'] }, [
        { ...pact, raceKey: 'MI-13', organizationId: 'B' },
      ]),
    ).toEqual([]);
    expect(
      findDissidence({ organizationId: 'A', nominators: ['A'] }, [
        { ...pact, raceKey: 'MI-14', organizationId: null },
      ]),
    ).toEqual([]);
    expect(
      findDissidence({ organizationId: 'A', nominators: ['A', 'B'] }, [
        { ...pact, raceKey: 'MI-13', organizationId: 'B' },
      ]),
    ).toEqual([]);
  });
});
