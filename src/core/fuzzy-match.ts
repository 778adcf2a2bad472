/**
 * Fuzzy matching for "jump to" searches (the command palette): every character of the query must
 * appear in the label in order, ignoring case and accents. A match scores higher when it starts the
 * label or a word, and when its characters run together, so "wayne" ranks "Wayne County" above
 * "Delaware Yankee Network". Pure, so the server's search and the palette's page filter rank alike.
 */

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

const isWordStart = (text: string, index: number) => index === 0 || /[\s\-_/,.(]/.test(text[index - 1] ?? '');

/** The match's score (higher is better), or null when the query is not a subsequence of the label. */
export function fuzzyScore(query: string, label: string): number | null {
  const q = fold(query).replace(/\s+/g, ' ').trim();
  if (q === '') return 0;
  const text = fold(label);
  if (text.startsWith(q)) return 1000 - text.length;
  const contained = text.indexOf(q);
  if (contained >= 0) return (isWordStart(text, contained) ? 800 : 600) - contained - text.length / 100;
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of q) {
    if (char === ' ') continue;
    const at = text.indexOf(char, from);
    if (at < 0) return null;
    score += at === previous + 1 ? 5 : isWordStart(text, at) ? 3 : 1;
    previous = at;
    from = at + 1;
  }
  return score - text.length / 100;
}

/** The items whose label matches, best first (ties keep their input order), at most `limit`. */
export function fuzzyFilter<T>(
  query: string,
  items: readonly T[],
  labelOf: (item: T) => string,
  limit = 50,
): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = fuzzyScore(query, labelOf(item));
    if (score !== null) scored.push({ item, score, index });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.item);
}
