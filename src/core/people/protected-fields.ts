/**
 * Concord never profiles people by race, ethnicity or religion (docs/supporters.md). A custom field
 * whose name says it holds one of those is refused. "race" and its kin are matched as whole words
 * (so "trace" or "racetrack" pass, "Race / Ethnicity" does not); "ethnic", "religio" and
 * "denomination" anywhere in the name, since no innocent word contains them.
 */
const refusedWords = new Set(['race', 'races', 'racial', 'creed', 'faith', 'caste', 'tribe', 'tribal']);
const refusedStems = ['ethnic', 'religio', 'denomination'];

export type ProtectedCategory = 'race' | 'ethnicity' | 'religion';

export function protectedCategoryOf(fieldName: string): ProtectedCategory | null {
  const lower = fieldName.normalize('NFKD').toLowerCase();
  const words = lower.split(/[^a-z]+/).filter(Boolean);
  const joined = words.join('');
  if (refusedStems.some((stem) => joined.includes(stem))) {
    return joined.includes('ethnic') ? 'ethnicity' : 'religion';
  }
  for (const word of words) {
    if (!refusedWords.has(word)) continue;
    return word.startsWith('rac') || word.startsWith('trib') || word === 'caste' ? 'race' : 'religion';
  }
  return null;
}
