import { type Bundle, type JurisdictionKey, jurisdictionKey } from './bundle.ts';

/**
 * Keeps only what joins: a unit, race or vote whose jurisdiction is neither in the bundle nor in
 * `known` (the base geography, or the database) is taken out and listed as an `unmapped` issue, so
 * nothing is dropped without a trace.
 */
export function reconcile(bundle: Bundle, known: ReadonlySet<string>): Bundle {
  const defined = new Set<string>([
    ...known,
    ...bundle.jurisdictions.map((j) => jurisdictionKey(j.kind, j.code)),
  ]);
  const joins = (key: JurisdictionKey) => defined.has(key);
  const issues = [...bundle.issues];
  const units = bundle.units.filter((unit) => {
    if (joins(unit.jurisdiction)) return true;
    issues.push({
      code: 'join.unknown_jurisdiction',
      resolution: 'unmapped',
      subject: unit.jurisdiction,
      row: null,
      message: `${unit.set}: no jurisdiction ${unit.jurisdiction}: its result is not loaded`,
    });
    return false;
  });
  const kept = new Set(units.map((u) => `${u.set}|${u.jurisdiction}`));
  const races = bundle.races.filter((race) => {
    if (joins(race.jurisdiction)) return true;
    issues.push({
      code: 'join.unknown_jurisdiction',
      resolution: 'unmapped',
      subject: race.jurisdiction,
      row: null,
      message: `race "${race.name}": no jurisdiction ${race.jurisdiction}: not loaded`,
    });
    return false;
  });
  const jurisdictions = bundle.jurisdictions.filter((j) => !j.parent || defined.has(j.parent));
  return {
    ...bundle,
    jurisdictions,
    races,
    units,
    votes: bundle.votes.filter((v) => kept.has(`${v.set}|${v.jurisdiction}`)),
    issues,
  };
}
