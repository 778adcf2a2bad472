const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The engine writes its explanations with member keys (`harbor-greens: win probability 0.73 vs
 * workers-common-front 0.64`); people read names. Keys are replaced whole (not inside a longer
 * key or word), longest first so `greens-north` is not read as `greens`.
 */
export function withMemberNames(text: string, names: ReadonlyMap<string, string>): string {
  const keys = [...names.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return text;
  const pattern = new RegExp(`(?<![\\w-])(${keys.map(escapeRegExp).join('|')})(?![\\w-])`, 'g');
  return text.replace(pattern, (key) => names.get(key) ?? key);
}
