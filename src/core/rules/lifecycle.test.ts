import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  type OrganizationStatus,
  organizationStatuses,
  type TransitionCause,
} from './lifecycle.ts';

describe('status lifecycle', () => {
  const table: [OrganizationStatus, TransitionCause, OrganizationStatus | null][] = [
    ['applicant', 'admission', 'member'],
    ['member', 'admission', null],
    ['member', 'suspension', 'suspended'],
    ['applicant', 'suspension', null],
    ['suspended', 'reinstatement', 'member'],
    ['member', 'reinstatement', null],
    ['member', 'expulsion', 'expelled'],
    ['suspended', 'expulsion', 'expelled'],
    ['applicant', 'expulsion', null],
    ['applicant', 'withdrawal', 'withdrawn'],
    ['suspended', 'withdrawal', 'withdrawn'],
    ['expelled', 'withdrawal', null],
  ];
  it.each(table)('%s --%s--> %s', (from, cause, to) => {
    const check = checkTransition(from, cause);
    expect(check.allowed ? check.to : null).toBe(to);
  });

  it('lets nothing leave expelled or withdrawn', () => {
    const causes: TransitionCause[] = ['admission', 'suspension', 'expulsion', 'reinstatement', 'withdrawal'];
    for (const from of organizationStatuses.filter((s) => s === 'expelled' || s === 'withdrawn')) {
      for (const cause of causes) expect(checkTransition(from, cause).allowed).toBe(false);
    }
  });
});
