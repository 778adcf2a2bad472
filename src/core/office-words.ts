/** Common office codes in words; any other code reads as its words ("county_commission" → "County commission"). */
const officeWordsByCode: Record<string, string> = {
  us_president: 'President',
  us_senate: 'US Senate',
  us_house: 'US House',
  governor: 'Governor',
  state_senate: 'State Senate',
  state_house: 'State House',
};

/**
 * An office as people read it, for the names of a coalition's own races and result sets (they show
 * in lists, decisions and alerts, where "state_house" would be a code, not a name).
 */
export function officeWords(office: string): string {
  const known = officeWordsByCode[office];
  if (known) return known;
  const words = office.replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
