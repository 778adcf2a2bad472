import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a receipt read aloud or copied by hand stays unambiguous.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 80 random bits as XXXX-XXXX-XXXX-XXXX: unguessable, and short enough to note down. */
export function newReceipt(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 16; i++) {
    text = (alphabet[Number(bits & 31n)] ?? '0') + text;
    bits >>= 5n;
  }
  return text.match(/.{4}/g)?.join('-') ?? text;
}

export { receiptPattern } from './decisions.schema.ts';
