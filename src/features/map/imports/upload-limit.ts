import { errorCodes } from 'fastify';

/**
 * The largest races CSV the API reads: 100 MiB, about 400,000 places with two result lines each
 * (docs/performance.md, "Limits"). The upload is read as it arrives, never held whole.
 */
export const maxRaceUploadBytes = 100 * 1024 * 1024;

/**
 * Passes an upload's chunks through and stops it with a 413 once it grows past `limit` bytes.
 * (A streamed body gets no check from Fastify's bodyLimit, which only guards bodies it buffers.)
 */
export async function* limitedUpload(
  body: AsyncIterable<string | Uint8Array>,
  limit: number,
): AsyncGenerator<string | Uint8Array> {
  let seen = 0;
  for await (const chunk of body) {
    seen += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (seen > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    yield chunk;
  }
}
