import { errorCodes } from 'fastify';

export { maxRaceUploadBytes } from './import.schema.ts';

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
