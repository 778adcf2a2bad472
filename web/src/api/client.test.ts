import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { endpointsOf } from '../../../src/contract/endpoint.ts';
import { defineErrors } from '../../../src/contract/errors.ts';
import { ApiError, call, fieldIssues, setCsrfToken } from './client.ts';

const endpoint = endpointsOf(
  'widgets',
  defineErrors({ 'widget.not_found': 'not_found', 'widget.busy': 'conflict' }),
);
const renameWidget = endpoint({
  method: 'PATCH',
  path: '/api/widgets/:id/parts/:part',
  auth: 'session',
  summary: 'Rename a part',
  params: z.object({ id: z.string(), part: z.string() }),
  query: z.object({ dryRun: z.boolean().optional(), note: z.string().optional() }),
  body: z.object({ name: z.string() }),
  response: z.object({ name: z.string() }),
  errors: ['widget.not_found'],
});

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('call(contract)', () => {
  it('fills and encodes the path, drops empty query values, sends the body and the CSRF header', async () => {
    const fetchMock = answer(200, { name: 'bolt' });
    setCsrfToken('t0k');
    const result = await call(renameWidget, {
      params: { id: 'w 1', part: 'a/b' },
      query: { dryRun: true, note: '' },
      body: { name: 'bolt' },
    });
    expect(result).toEqual({ name: 'bolt' });
    expect(fetchMock).toHaveBeenCalledWith('/api/widgets/w%201/parts/a%2Fb?dryRun=true', {
      method: 'PATCH',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': 't0k' },
      credentials: 'same-origin',
      body: '{"name":"bolt"}',
    });
  });

  it('keeps a declared code, and turns an undeclared one into `unexpected` with the original in details', async () => {
    answer(404, { error: { code: 'widget.not_found', message: 'No widget.' } });
    await expect(
      call(renameWidget, { params: { id: 'w', part: 'p' }, body: { name: 'x' } }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'widget.not_found',
      message: 'No widget.',
    });
    answer(409, { error: { code: 'widget.busy', message: 'Busy.' } });
    await expect(
      call(renameWidget, { params: { id: 'w', part: 'p' }, body: { name: 'x' } }),
    ).rejects.toMatchObject({
      code: 'unexpected',
      details: { code: 'widget.busy' },
    });
  });

  it('answers `internal` for a server failure, and lists field issues of `request.invalid`', async () => {
    answer(502, 'Bad gateway');
    const failure = await call(renameWidget, { params: { id: 'w', part: 'p' }, body: { name: 'x' } }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('internal');

    const invalid = new ApiError(400, 'request.invalid', 'body.name: Too small', {
      issues: [
        { path: 'body.name', message: 'Too small' },
        { path: 'body.name', message: 'second issue of the same field is not shown' },
        { path: 'query.note', message: 'Too long' },
      ],
    });
    expect(fieldIssues(invalid)).toEqual({ name: 'Too small', 'query.note': 'Too long' });
  });
});
