import { invalid } from '../errors.ts';
import { FNV_OFFSET, FNV_PRIME, maxCandidates } from './ballot-store.ts';
import { asCandidateName, type CandidateName } from './types.ts';

/**
 * Candidate names met while reading ballots, interned to indices. Lookups take a range of the
 * text being parsed, so the millions of cells of a large file never become strings of their own.
 * With a fixed list (`--candidates` or the JSON `candidates`), any other name is an error; without
 * one, names are collected and finally sorted, so that the order of ballots never changes the
 * candidate order (which the `order` and `random` tiebreaks depend on).
 */
export class CandidateRegistry {
  private readonly names: string[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(64);

  constructor(readonly fixedList: readonly string[] | null) {
    if (fixedList === null) return;
    for (const name of fixedList) {
      const trimmed = name.trim();
      if (trimmed === '' || trimmed.includes('=')) {
        throw invalid('ballot.invalid_candidate_list', `invalid candidate name ${JSON.stringify(name)}`, {
          reason: 'a candidate name must be non-empty and contain no "="',
        });
      }
      if (this.find(trimmed, 0, trimmed.length) >= 0) {
        throw invalid(
          'ballot.invalid_candidate_list',
          `candidate ${JSON.stringify(trimmed)} is listed twice`,
          {
            reason: 'duplicate candidate',
          },
        );
      }
      this.add(trimmed, hashRange(trimmed, 0, trimmed.length));
    }
  }

  get count(): number {
    return this.names.length;
  }

  /** Index of the name text[start, end), or -1 when it is unknown. */
  find(text: string, start: number, end: number): number {
    return this.lookup(text, start, end, hashRange(text, start, end));
  }

  /** `find` for a caller that already hashed the range with `hashRange`'s function (FNV-1a). */
  findHashed(text: string, start: number, end: number, hash: number): number {
    return this.lookup(text, start, end, hash);
  }

  /** Index of the name, registering it when the list is open; -1 when a fixed list lacks it. */
  intern(text: string, start: number, end: number): number {
    const hash = hashRange(text, start, end);
    const found = this.lookup(text, start, end, hash);
    if (found >= 0 || this.fixedList !== null) return found;
    if (this.names.length >= maxCandidates) {
      throw invalid('ballot.too_many_candidates', `more than ${maxCandidates} candidates`, {
        reason: 'too many candidates',
      });
    }
    return this.add(detachedCopy(text.slice(start, end)), hash);
  }

  /**
   * Final candidate order and the index remapping it needs: the fixed list as given, or the names
   * sorted by code point.
   */
  finish(): { candidates: CandidateName[]; remap: Int16Array | null } {
    if (this.fixedList !== null) return { candidates: this.names.map(asCandidateName), remap: null };
    const order = this.names.map((_, index) => index).sort((a, b) => compareNames(this.names, a, b));
    const remap = new Int16Array(this.names.length);
    order.forEach((oldIndex, newIndex) => {
      remap[oldIndex] = newIndex;
    });
    return { candidates: order.map((index) => asCandidateName(this.names[index] as string)), remap };
  }

  private lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return -1;
      const index = entry - 1;
      if (this.hashes[index] === hash && sameText(this.names[index] as string, text, start, length))
        return index;
    }
  }

  private add(name: string, hash: number): number {
    const index = this.names.length;
    this.names.push(name);
    this.hashes.push(hash);
    if (this.names.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      this.hashes.forEach((h, i) => {
        this.insert(i, h);
      });
    } else {
      this.insert(index, hash);
    }
    return index;
  }

  private insert(index: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = index + 1;
  }
}

function sameText(name: string, text: string, start: number, length: number): boolean {
  if (name.length !== length) return false;
  for (let i = 0; i < length; i++) if (name.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** A flat copy: V8 may represent a slice as a view that keeps the whole parsed chunk alive. */
function detachedCopy(slice: string): string {
  return slice.split('').join('');
}

export function hashRange(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

function compareNames(names: readonly string[], a: number, b: number): number {
  const x = names[a] as string;
  const y = names[b] as string;
  return x < y ? -1 : x > y ? 1 : 0;
}
