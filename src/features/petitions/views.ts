import type { Selectable } from 'kysely';
import type { VerificationRule } from '../../core/petitions/verification-rules.ts';
import type { PetitionRequirementsTable } from '../../db/tables/petitions.ts';
import type { RequirementView } from './petitions.schema.ts';

export function toRequirementView(row: Selectable<PetitionRequirementsTable>): RequirementView {
  return {
    id: row.id,
    key: row.key,
    origin: row.origin,
    country: row.country,
    jurisdiction: row.jurisdiction,
    jurisdictionName: row.jurisdiction_name,
    kind: row.kind,
    title: row.title,
    signatures: row.signatures,
    numberStatus: row.number_status,
    computation: row.computation,
    ruleText: row.rule_text,
    whoMaySign: row.who_may_sign,
    distribution: row.distribution,
    deadline: row.deadline,
    deadlineText: row.deadline_text,
    verificationRule: row.verification_rule,
    voters: row.voters,
    votersBasis: row.voters_basis,
    perThousandVoters:
      row.signatures !== null && row.voters
        ? Math.round((row.signatures / row.voters) * 1000 * 100) / 100
        : null,
    source: row.source,
    asOf: row.as_of,
  };
}

export function toRuleView(rule: VerificationRule) {
  const summary =
    rule.method === 'full_count'
      ? 'Every line is checked; qualifies when the valid lines reach the requirement.'
      : `Random sample of max(${rule.sample.minimum}, ${rule.sample.fraction * 100}%); qualifies ${
          rule.qualifyAbove.inclusive ? '≥' : '>'
        } ${rule.qualifyAbove.percent}%, fails ${rule.failBelow.inclusive ? '≤' : '<'} ${rule.failBelow.percent}%, full count between.`;
  return {
    key: rule.key,
    jurisdiction: rule.jurisdiction,
    name: rule.name,
    petitionTypes: rule.petitionTypes,
    method: rule.method,
    summary,
    cure: rule.cure,
    cureDays: rule.cureDays,
    sources: rule.sources,
    notes: rule.notes,
  };
}
