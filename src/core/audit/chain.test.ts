import { describe, expect, it } from 'vitest';
import { type AuditLink, ChainVerifier, genesisHash, linkHash } from './chain.ts';

// The chain logic does not depend on which hash it is given (the core may not import node:crypto;
// src/features/audit tests the real sha256): a 64-bit FNV-1a, written out as 64 hex digits, will do.
function sha256(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++)
    h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(64, '0');
}

function buildChain(n: number): AuditLink[] {
  const links: AuditLink[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      at: `2026-11-23T10:00:0${seq}.000Z`,
      actor: { userId: 'u1', role: 'secretariat', organizationId: null },
      action: 'organization.applied',
      subject: { type: 'organization', id: `o${seq}` },
      payload: { name: `Org ${seq}`, figures: [seq, seq / 2] },
    };
    const hash = linkHash(prevHash, content, sha256);
    links.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return links;
}

function verify(links: AuditLink[], head: { seq: number; hash: string } | null) {
  const verifier = new ChainVerifier(sha256);
  for (const link of links) verifier.push(link);
  return verifier.finish(head);
}

const headOf = (links: AuditLink[]) => {
  const last = links.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
};

describe('audit chain', () => {
  it('verifies an intact chain', () => {
    const links = buildChain(5);
    expect(verify(links, headOf(links))).toBeNull();
  });

  it('names the first tampered link', () => {
    const links = buildChain(6);
    const tampered = links.map((l) => (l.seq === 3 ? { ...l, payload: { name: 'Forged' } } : l));
    expect(verify(tampered, headOf(links))).toMatchObject({ reason: 'hash_mismatch', seq: 3 });
  });

  it('notices a re-hashed link by the next one', () => {
    const links = buildChain(6);
    const forged = links.map((l) => {
      if (l.seq !== 3) return l;
      const changed = { ...l, payload: { name: 'Forged' } };
      return { ...changed, hash: linkHash(l.prevHash, changed, sha256) };
    });
    expect(verify(forged, headOf(links))).toMatchObject({ reason: 'prev_hash_mismatch', seq: 4 });
  });

  it('notices a deleted link in the middle and links cut off the end', () => {
    const links = buildChain(6);
    expect(
      verify(
        links.filter((l) => l.seq !== 4),
        headOf(links),
      ),
    ).toMatchObject({ reason: 'seq_gap', seq: 5 });
    expect(verify(links.slice(0, 4), headOf(links))).toMatchObject({ reason: 'head_mismatch', seq: 5 });
  });
});
