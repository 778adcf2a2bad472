import { invalid } from '../../core/errors.ts';
import { BallotReader, type BallotReadOptions, type BallotStore } from '../../core/tabulate/index.ts';

/** A ballot file: its whole text, or a stream of text or UTF-8 byte chunks (a file, stdin, an upload). */
export type BallotSource = AsyncIterable<string | Uint8Array> | string;

/** Passes an upload's chunks through until it exceeds `maxBytes`, then refuses it. */
export async function* capBytes(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncIterable<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      throw invalid('ballot.file_too_large', `the ballot file is larger than ${maxBytes} bytes`, {
        reason: 'too large',
        limit: maxBytes,
      });
    }
    yield chunk;
  }
}

/**
 * Feeds the source to the incremental reader chunk by chunk, so a large CSV is never held whole:
 * memory stays at the (merged) ballots plus one chunk. Bytes must be valid UTF-8.
 */
export async function readBallotSource(
  source: BallotSource,
  options: BallotReadOptions = {},
): Promise<BallotStore> {
  const reader = new BallotReader(options);
  if (typeof source === 'string') {
    reader.push(source);
    return reader.finish();
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      throw invalid('ballot.invalid_encoding', 'the ballot file is not valid UTF-8 text', {
        reason: 'invalid UTF-8',
      });
    }
  };
  for await (const chunk of source) reader.push(typeof chunk === 'string' ? chunk : decode(chunk));
  reader.push(decode());
  return reader.finish();
}
