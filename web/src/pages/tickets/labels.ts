export const statusLabels = {
  proposed: 'Proposed',
  endorsed: 'Endorsed',
  filed: 'Filed',
  on_ballot: 'On the ballot',
  rejected: 'Rejected',
  elected: 'Elected',
  defeated: 'Defeated',
} as const;

export const lineKindLabels = {
  party: 'Party line',
  coalition: 'Coalition line',
  endorsement: 'Endorsement (no line)',
} as const;

export const displayLabels = {
  separate: 'one line per party, votes added',
  aggregated: 'one line listing every party',
  single: 'one line',
} as const;

export const raceLabel = (r: {
  name: string;
  statePo: string | null;
  country: string;
  electionDate: string;
}) => `${r.name} (${r.statePo ?? r.country}, ${r.electionDate})`;
