import { readFile } from 'node:fs/promises';
import type { Insertable } from 'kysely';
import type { PresidentialTotal } from '../../core/petitions/requirement-formula.ts';
import {
  distributionClause,
  firstDate,
  requirementNumber,
} from '../../core/petitions/requirement-formula.ts';
import { defaultRuleFor } from '../../core/petitions/verification-rules.ts';
import type { PetitionRequirementsTable } from '../../db/tables/petitions.ts';
// The map feature's parsers read the shipped MEDSL files; reusing them keeps one reading of
// over/under votes and write-ins (a state's valid total excludes them).
import {
  dataDir,
  parseStatePresident1976,
  parseStatePresident2024,
  readCsv,
  stateByFips,
  stateByUsps,
} from '../map/index.ts';

/** Bump when the seeding changes: shipped requirements are rewritten on the next read. */
export const seedVersion = 'petitions-seed-2';

export type ShippedRequirement = Omit<
  Insertable<PetitionRequirementsTable>,
  'coalition_id' | 'created_by' | 'created_at'
>;

/** Valid presidential votes per state and year (MEDSL), from the map feature's parsers. */
export async function presidentialTotals(): Promise<Map<string, PresidentialTotal[]>> {
  const [older, latest] = await Promise.all([
    readFile(`${dataDir}us-state-president/1976-2020-president.csv`, 'utf8'),
    readFile(`${dataDir}us-state-president/2024-president-state.csv`, 'utf8'),
  ]);
  const totals = new Map<string, PresidentialTotal[]>();
  for (const bundle of [
    parseStatePresident1976(older, '1976-2020-president.csv'),
    parseStatePresident2024(latest, '2024-president-state.csv'),
  ]) {
    for (const unit of bundle.units) {
      const year = Number(/us-president-(\d{4})-state/.exec(unit.set)?.[1]);
      const state = stateByFips(unit.jurisdiction.split(':')[1] ?? '');
      if (!state || !Number.isInteger(year) || year < 2016 || unit.totalVotes === null) continue;
      totals.set(state.usps, [...(totals.get(state.usps) ?? []), { year, votes: unit.totalVotes }]);
    }
  }
  for (const list of totals.values()) list.sort((a, b) => b.year - a.year);
  return totals;
}

const leadingInteger = (cell: string): number | null => {
  const match = /^\s*(\d[\d,]*)\b/.exec(cell);
  return match?.[1] ? Number(match[1].replace(/,/g, '')) : null;
};

const whoMaySign = (text: string): string | null =>
  /signed by (?:at least )?(?:the )?([^,;.()]*?(?:voters|electors))/i.exec(text)?.[1]?.trim() ??
  /(registered[- ]voters?|qualified electors|registered electors)/i.exec(text)?.[1] ??
  null;

/**
 * Two requirements per state from data/us-ballot-access: a new party's recognition and an
 * independent statewide candidacy. Each keeps its rule text, source and date; its number is
 * computed from the latest shipped presidential total where the formula names the presidential
 * vote, copied where the row states one, missing otherwise (docs/ballot-access.md).
 */
export async function shippedRequirements(): Promise<ShippedRequirement[]> {
  const text = await readFile(`${dataDir}us-ballot-access/us_ballot_access.csv`, 'utf8');
  const table = readCsv(text, {
    file: 'us_ballot_access.csv',
    required: [
      'state_po',
      'state',
      'new_party_requirement',
      'new_party_signatures_2024',
      'new_party_deadline',
    ],
  });
  const totals = await presidentialTotals();
  const requirements: ShippedRequirement[] = [];
  for (const { values: v } of table.rows) {
    const usps = v.state_po ?? '';
    const state = stateByUsps(usps);
    if (!state) continue;
    const latest = totals.get(usps)?.[0] ?? null;
    const jurisdiction = `US-${usps}`;
    const common = {
      origin: 'shipped' as const,
      country: 'US',
      jurisdiction,
      jurisdiction_name: state.name,
      voters: latest?.votes ?? null,
      voters_basis: latest ? `valid presidential votes ${latest.year} (MEDSL)` : null,
      source: v.source ?? '',
      as_of: v.as_of ?? '',
      seed_version: seedVersion,
    };
    const partyText = v.new_party_requirement ?? '';
    const party = requirementNumber(partyText, leadingInteger(v.new_party_signatures_2024 ?? ''), latest);
    requirements.push({
      ...common,
      key: `us-${usps.toLowerCase()}-party`,
      kind: 'party_recognition',
      verification_rule: defaultRuleFor(jurisdiction, 'party_recognition').key,
      title: `${state.name}: new party recognition`,
      signatures: party.signatures,
      number_status: party.status,
      computation: party.computation,
      rule_text: partyText,
      who_may_sign: whoMaySign(partyText),
      distribution: distributionClause(partyText),
      deadline: firstDate(v.new_party_deadline ?? ''),
      deadline_text: v.new_party_deadline ?? '',
    });
    const independentText = v.independent_statewide_signatures_2024 ?? '';
    const stated = leadingInteger(independentText);
    // A cell that starts with a number states it; only a `Formula:` cell is computed.
    const independent =
      stated !== null
        ? {
            signatures: stated,
            status: 'copied' as const,
            computation: `${stated.toLocaleString('en-US')} as stated by the source for the 2024 cycle`,
          }
        : independentText.startsWith('Formula:')
          ? requirementNumber(independentText, null, latest)
          : { signatures: null, status: 'missing' as const, computation: 'not verified in the shipped data' };
    requirements.push({
      ...common,
      key: `us-${usps.toLowerCase()}-independent`,
      kind: 'independent_candidate',
      verification_rule: defaultRuleFor(jurisdiction, 'independent_candidate').key,
      title: `${state.name}: independent statewide candidate`,
      signatures: independent.signatures,
      number_status: independent.status,
      computation: independent.computation,
      rule_text: independentText || '(blank in the shipped data: not verified)',
      who_may_sign: whoMaySign(independentText),
      distribution: distributionClause(independentText),
      deadline: null,
      deadline_text: /due ([^;)]*)/i.exec(independentText)?.[1] ?? '',
    });
  }
  return requirements;
}
