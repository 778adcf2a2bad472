import { invalid } from '../../core/errors.ts';
import { BallotReader, type BallotReadOptions, type BallotStore } from '../../core/tabulate/index.ts';

/** A ballot file: its whole text, or a stream of text or UTF-8 byte chunks (a file, stdin, an upload). */
export type BallotSource = AsyncIterable<string | Uint8Array> | string;

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
