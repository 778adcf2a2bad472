import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../api/client.ts';
import { applyServerError, placeServerError } from './apply-server-issues.ts';

const body = z.object({
  name: z.string().max(40),
  options: z.array(z.object({ label: z.string() })),
});

const invalid = (issues: unknown[]) =>
  new ApiError(400, 'request.invalid', 'The request is not valid.', { issues });

describe('placeServerError', () => {
  it('puts each issue beside the field its path names, nested items included', () => {
    const placed = placeServerError(
      body,
      invalid([
        { path: 'body.name', message: 'A member already has this name.' },
        { path: 'body.options.1.label', message: 'Too long' },
        { path: 'body.name', message: 'A second issue for the same field is not shown.' },
      ]),
    );
    expect(placed).toEqual({
      fields: { name: 'A member already has this name.', 'options.1.label': 'Too long' },
    });
  });

  it('places a domain refusal about one field (a name taken) on that field', () => {
    const taken = new ApiError(409, 'organization.name_taken', 'Taken', {
      existing: { id: 'x', name: 'Harbor Greens' },
      issues: [
        { path: 'body.name', message: 'An organization named "Harbor Greens" is already registered.' },
      ],
    });
    expect(placeServerError(body, taken)).toEqual({
      fields: { name: 'An organization named "Harbor Greens" is already registered.' },
    });
  });

  it('reads the paths of a form that sends one item of a batch body', () => {
    const placed = placeServerError(
      body,
      invalid([{ path: 'body.packets.0.name', message: 'Too long' }]),
      'packets.0',
    );
    expect(placed).toEqual({ fields: { name: 'Too long' } });
  });

  it('reads the paths of a form that fills a path parameter (a receipt lookup)', () => {
    const lookup = z.object({ receipt: z.string() });
    const placed = placeServerError(
      lookup,
      invalid([{ path: 'params.receipt', message: 'Four groups of four' }]),
      'params',
    );
    expect(placed).toEqual({ fields: { receipt: 'Four groups of four' } });
  });

  it('sends issues no field can show to the form alert, with their path', () => {
    const placed = placeServerError(
      body,
      invalid([
        { path: 'body.name', message: 'Required' },
        { path: 'body.secret', message: 'Unknown key' },
        { path: '', message: 'Dates are in the wrong order' },
      ]),
    );
    expect(placed.fields).toEqual({ name: 'Required' });
    expect(placed.form).toEqual({
      message: 'The request is not valid. secret: Unknown key Dates are in the wrong order',
      code: 'request.invalid',
    });
  });

  it('shows any other refusal in the form alert with its code (the server code when unexpected)', () => {
    expect(placeServerError(body, new ApiError(409, 'registry.name_taken', 'Name taken'))).toEqual({
      fields: {},
      form: { message: 'Name taken', code: 'registry.name_taken' },
    });
    expect(
      placeServerError(body, new ApiError(409, 'unexpected', 'Odd', { code: 'pacts.stale' })).form,
    ).toEqual({ message: 'Odd', code: 'pacts.stale' });
    expect(placeServerError(body, new TypeError('Failed to fetch')).form).toEqual({
      message: 'Failed to fetch',
    });
  });
});

describe('applyServerError', () => {
  it('sets field errors and the root error through react-hook-form', () => {
    const calls: [string, { type: string; message: string }][] = [];
    applyServerError(
      (name, error) => {
        calls.push([name, { type: String(error.type), message: String(error.message) }]);
      },
      body,
      invalid([
        { path: 'body.name', message: 'Taken' },
        { path: 'body.other', message: 'Unknown' },
      ]),
    );
    expect(calls).toEqual([
      ['name', { type: 'server', message: 'Taken' }],
      ['root.server', { type: 'request.invalid', message: 'The request is not valid. other: Unknown' }],
    ]);
  });
});
