import type { Actor } from '../../core/actor.ts';
import { conflict, invalid, notFound, unprocessable } from '../../core/errors.ts';
import { currentFigure, type StrengthMetric } from '../../core/rules/strength.ts';
import type { Db } from '../../db/database.ts';
import type { PactKind } from '../../db/tables/pacts.ts';
import { evidenceFacts, isoDay, listOrganizationViews } from '../registry/index.ts';
import { memberKey } from './pact-input.ts';
import type { MemberInput, StoredMember } from './pacts.schema.ts';

/** In a race pact a party's votes are one member's; in zones the mapped parties are pooled, so a code may repeat. */
function checkMapping(inputs: readonly MemberInput[], kind: PactKind): void {
  const seen = new Set<string>();
  const owner = new Map<string, string>();
  for (const input of inputs) {
    if (seen.has(input.organizationId)) {
      throw invalid('pact.member_duplicate', 'An organization is listed twice among the members.', {
        organizationId: input.organizationId,
      });
    }
    seen.add(input.organizationId);
    for (const party of kind === 'races' ? input.parties : []) {
      const first = owner.get(party);
      if (first !== undefined && first !== input.organizationId) {
        throw invalid('pact.party_mapped_twice', `Party code "${party}" is mapped to two members.`, {
          party,
          organizationIds: [first, input.organizationId],
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
  options: { kind: PactKind; metric: StrengthMetric; previous: readonly StoredMember[]; now: Date },
): Promise<StoredMember[]> {
  checkMapping(inputs, options.kind);
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
  return inputs.map((input): StoredMember => {
    const org = organizations.get(input.organizationId);
    if (!org) {
      throw notFound('organization.not_found', 'No such organization.', {
        organizationId: input.organizationId,
      });
    }
    if (org.status !== 'member') {
      throw conflict(
        'pact.member_not_active',
        `${org.name} is ${org.status}: only members take part in a pact.`,
        {
          organizationId: org.id,
          status: org.status,
        },
      );
    }
    const figure = currentFigure(facts.get(org.id) ?? [], options.metric, {
      verifiedOnly: true,
      withinDays: null,
      today,
    });
    const weight = input.weight ?? figure?.value ?? 0;
    if (!(weight > 0)) {
      throw unprocessable(
        'pact.member_weight_missing',
        `${org.name} has no verified "${options.metric}" figure above zero: give its weight.`,
        { organizationId: org.id, metric: options.metric },
      );
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
