/** One signature line as entered from a packet: who signed and where they said they live. */
export interface SignerLine {
  packetId: string;
  line: number;
  name: string;
  address: string;
}

export interface DuplicateGroup {
  key: string;
  lines: SignerLine[];
}

const streetWords: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  terrace: 'ter',
  highway: 'hwy',
  apartment: 'apt',
  suite: 'ste',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
};

function normalizeWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' apt ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * The key two lines share when the same person signed twice: the name's words without middle
 * initials, sorted (so "Smith, Jane A." meets "Jane Smith"), then the address with accents,
 * punctuation and street-type spellings folded. Sorting the name words can join two different
 * people with swapped names at one address; the flag asks for a look, it strikes nothing.
 */
export function signerKey(name: string, address: string): string {
  const nameWords = normalizeWords(name)
    .filter((w) => w.length > 1)
    .sort();
  const addressWords = normalizeWords(address).map((w) => streetWords[w] ?? w);
  return `${nameWords.join(' ')}|${addressWords.join(' ')}`;
}

/** Lines whose signer key appears more than once across the drive's packets (or within one). */
export function duplicateSigners(lines: readonly SignerLine[]): DuplicateGroup[] {
  const byKey = new Map<string, SignerLine[]>();
  for (const line of lines) {
    const key = signerKey(line.name, line.address);
    if (key === '|') continue;
    const group = byKey.get(key);
    if (group) group.push(line);
    else byKey.set(key, [line]);
  }
  return [...byKey]
    .filter(([, group]) => group.length > 1)
    .map(([key, group]) => ({ key, lines: group }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
