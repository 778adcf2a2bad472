/** What each audit action means, in words; the API writes `area.verb` codes. */
export const auditActionLabels: Record<string, string> = {
  'ballot.cast': 'Ballot cast',
  'charter.amended': 'Charter amended',
  'charter.founded': 'Charter founded',
  'charter.ratified': 'Charter ratified by a member',
  'decision.closed': 'Decision closed and counted',
  'decision.created': 'Decision opened',
  'delegate.assigned': 'Delegate assigned',
  'delegate.removed': 'Delegate removed',
  'evidence.submitted': 'Strength figure submitted',
  'evidence.verified': 'Strength figure verified',
  'organization.applied': 'Membership application recorded',
  'organization.founded': 'Founding member recorded',
  'organization.status_changed': 'Member status changed',
  'organization.updated': 'Member profile updated',
  'pact.consent_recorded': 'Local consent recorded',
  'pact.created': 'Pact created',
  'pact.locked': 'Race locked to a member',
  'pact.ratification_requested': 'Pact sent to ratification',
  'pact.run_failed': 'Pact engine run failed',
  'pact.run_requested': 'Pact engine run started',
  'pact.swapped': 'Races swapped between members',
  'pact.unlocked': 'Race unlocked',
  'pact.updated': 'Pact settings changed',
  'pact.version_created': 'Pact version created',
  'pact.veto_lifted': 'Veto lifted',
  'pact.vetoed': 'Member vetoed in a race',
  'settings.updated': 'Coalition settings changed',
  'coalition.branding_updated': 'Public look changed (colours, logo)',
};

/** "Ballot cast"; an action the app does not know yet reads "Pact archived" from `pact.archived`. */
export function auditActionLabel(action: string): string {
  const known = auditActionLabels[action];
  if (known) return known;
  const [area = '', verb = ''] = action.split('.');
  return `${area.charAt(0).toUpperCase()}${area.slice(1)} ${verb.replaceAll('_', ' ')}`.trim();
}
