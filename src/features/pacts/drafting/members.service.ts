import type { Actor } from '../../../core/actor.ts';
import { conflict, invalid, notFound, unprocessable } from '../../../core/errors.ts';
import { currentFigure, type StrengthMetric } from '../../../core/rules/strength.ts';
import type { Db } from '../../../db/database.ts';
import type { PactKind } from '../../../db/tables/pacts.ts';
import { evidenceFacts, isoDay, listOrganizationViews } from '../../registry/index.ts';
import type { MemberInput, StoredMember } from '../pacts.schema.ts';
import { memberKey } from './pact-input.ts';

/**
 * `issues` naming the member's field in the request body (`body.members.2.weight`), as a schema
 * refusal does, so the new-pact form shows the refusal beside that member's row. None when the
 * members were not in the body (a reweigh of the stored members).
 */
function memberIssue(at: string | null, index: number, field: keyof MemberInput, message: string) {
  return at === null ? {} : { issues: [{ path: `${at}.${index}.${field}`, message }] };
}

/** In a race pact a party's votes are one member's; in zones the mapped parties are pooled, so a code may repeat. */
function checkMapping(inputs: readonly MemberInput[], kind: PactKind, at: string | null): void {
  const seen = new Set<string>();
  const owner = new Map<string, string>();
  for (const [index, input] of inputs.entries()) {
    if (seen.has(input.organizationId)) {
      const message = 'An organization is listed twice among the members.';
      throw invalid('pact.member_duplicate', message, {
        organizationId: input.organizationId,
        ...memberIssue(at, index, 'organizationId', message),
      });
    }
    seen.add(input.organizationId);
    for (const party of kind === 'races' ? input.parties : []) {
      const first = owner.get(party);
      if (first !== undefined && first !== input.organizationId) {
        const message = `Party code "${party}" is mapped to two members.`;
        throw invalid('pact.party_mapped_twice', message, {
          party,
          organizationIds: [first, input.organizationId],
          ...memberIssue(at, index, 'parties', message),
        });
      }
      owner.set(party, input.organizationId);
    }
  }
}

/**
 * The members as the pact keeps them: each a member organization of the coalition, weighed by its
 * override or else its current verified figure for `metric`, placed at its declared position,
 * with its home jurisdictions (zones read them). Keys already given stay the same.
 */
export async function resolveMembers(
  db: Db,
  actor: Actor,
  inputs: readonly MemberInput[],
  options: {
    kind: PactKind;
    metric: StrengthMetric;
    previous: readonly StoredMember[];
    now: Date;
    /** Where the inputs sit in the request (`body.members`), for the refusals' `issues`; null if not sent. */
    at: string | null;
  },
): Promise<StoredMember[]> {
  const { at } = options;
  checkMapping(inputs, options.kind, at);
  const ids = inputs.map((input) => input.organizationId);
  const organizations = new Map(
    (await listOrganizationViews(db, actor, { ids })).map((org) => [org.id, org]),
  );
  const facts = await evidenceFacts(db, actor.coalitionId, ids);
  const previousKeys = new Map(options.previous.map((member) => [member.organizationId, member.key]));
  const taken = new Set<string>();
  for (const input of inputs) {
    const key = previousKeys.get(input.organizationId);
    if (key !== undefined) taken.add(key);
  }
  const today = isoDay(options.now);
  return inputs.map((input, index): StoredMember => {
    const org = organizations.get(input.organizationId);
    if (!org) {
      const message = 'No such organization.';
      throw notFound('organization.not_found', message, {
        organizationId: input.organizationId,
        ...memberIssue(at, index, 'organizationId', message),
      });
    }
    if (org.status !== 'member') {
      const message = `${org.name} is ${org.status}: only members take part in a pact.`;
      throw conflict('pact.member_not_active', message, {
        organizationId: org.id,
        status: org.status,
        ...memberIssue(at, index, 'organizationId', message),
      });
    }
    const figure = currentFigure(facts.get(org.id) ?? [], options.metric, {
      verifiedOnly: true,
      withinDays: null,
      today,
    });
    const weight = input.weight ?? figure?.value ?? 0;
    if (!(weight > 0)) {
      const message = `${org.name} has no verified "${options.metric}" figure above zero: give its weight.`;
      throw unprocessable('pact.member_weight_missing', message, {
        organizationId: org.id,
        metric: options.metric,
        ...memberIssue(at, index, 'weight', message),
      });
    }
    let key = previousKeys.get(org.id);
    if (key === undefined) {
      key = memberKey(org.name, taken);
      taken.add(key);
    }
    return {
      key,
      organizationId: org.id,
      name: org.name,
      parties: [...input.parties],
      weight,
      weightSource:
        input.weight !== undefined || !figure
          ? { kind: 'override' }
          : { kind: 'evidence', metric: options.metric, asOf: figure.asOf },
      position: org.position,
      homeJurisdictions: org.homeJurisdictions,
    };
  });
}
