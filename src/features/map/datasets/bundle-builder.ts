import {
  type Bundle,
  type ElectionSpec,
  type IssueSpec,
  type JurisdictionKey,
  type JurisdictionSpec,
  jurisdictionKey,
  type RaceKey,
  type RaceSpec,
  type ResultSetSpec,
  raceKey,
  type UnitSpec,
  type VoteSpec,
} from './bundle.ts';

/**
 * Collects a bundle while a parser walks its file: the first definition of a jurisdiction,
 * election or race wins, and two vote rows with the same unit, candidate and line are summed (with
 * a note), because a key may appear once only in the database.
 */
export class BundleBuilder {
  private readonly jurisdictions = new Map<JurisdictionKey, JurisdictionSpec>();
  private readonly elections = new Map<string, ElectionSpec>();
  private readonly races = new Map<RaceKey, RaceSpec>();
  private readonly resultSets = new Map<string, ResultSetSpec>();
  private readonly units = new Map<string, UnitSpec>();
  private readonly votes = new Map<string, VoteSpec>();
  private readonly issues: IssueSpec[] = [];

  jurisdiction(spec: JurisdictionSpec): JurisdictionKey {
    const key = jurisdictionKey(spec.kind, spec.code);
    if (!this.jurisdictions.has(key)) this.jurisdictions.set(key, spec);
    return key;
  }

  hasJurisdiction(key: JurisdictionKey): boolean {
    return this.jurisdictions.has(key);
  }

  election(spec: ElectionSpec): string {
    if (!this.elections.has(spec.slug)) this.elections.set(spec.slug, spec);
    return spec.slug;
  }

  race(spec: RaceSpec): RaceKey {
    const key = raceKey(spec);
    if (!this.races.has(key)) this.races.set(key, spec);
    return key;
  }

  resultSet(spec: ResultSetSpec): string {
    if (!this.resultSets.has(spec.slug)) this.resultSets.set(spec.slug, spec);
    return spec.slug;
  }

  /** Adds a unit, or returns false when the set already has one for that jurisdiction. */
  unit(spec: UnitSpec): boolean {
    const key = `${spec.set}|${spec.jurisdiction}`;
    if (this.units.has(key)) return false;
    this.units.set(key, spec);
    return true;
  }

  getUnit(set: string, jurisdiction: JurisdictionKey): UnitSpec | undefined {
    return this.units.get(`${set}|${jurisdiction}`);
  }

  vote(spec: VoteSpec, row: number | null = null): void {
    const key = `${spec.set}|${spec.jurisdiction}|${spec.candidate}|${spec.line}`;
    const existing = this.votes.get(key);
    if (!existing) {
      this.votes.set(key, { ...spec });
      return;
    }
    existing.votes += spec.votes;
    this.issue({
      code: 'votes.repeated_row',
      resolution: 'noted',
      subject: `${spec.jurisdiction} ${spec.candidate || '(no name)'} / ${spec.line || '(no line)'}`,
      row,
      message: 'the same candidate and ballot line appear twice in one unit: their votes were summed',
    });
  }

  issue(issue: IssueSpec): void {
    this.issues.push(issue);
  }

  build(): Bundle {
    return {
      jurisdictions: [...this.jurisdictions.values()],
      elections: [...this.elections.values()],
      races: [...this.races.values()],
      resultSets: [...this.resultSets.values()],
      units: [...this.units.values()],
      votes: [...this.votes.values()],
      issues: this.issues,
    };
  }
}
