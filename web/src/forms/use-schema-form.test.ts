import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asSent } from './use-schema-form.ts';

describe('asSent', () => {
  it('leaves out the keys JSON would leave out of the body, at any depth, and keeps the rest', () => {
    const file = new Blob(['x']);
    const values = {
      name: 'Zones',
      source: { kind: 'zones', electionId: undefined, resultSet: 'us' },
      members: [{ organizationId: 'a', weight: undefined, parties: ['DEM'] }],
      note: null,
      file,
    };
    const sent = asSent(values);
    expect(sent).toEqual({
      name: 'Zones',
      source: { kind: 'zones', resultSet: 'us' },
      members: [{ organizationId: 'a', parties: ['DEM'] }],
      note: null,
      file,
    });
    expect(Object.keys(sent.source)).toEqual(['kind', 'resultSet']);
    expect(sent.file).toBe(file);
  });

  it('lets a strict body accept a hidden field left undefined, which it would refuse as an unknown key', () => {
    const body = z.strictObject({ kind: z.literal('zones'), resultSet: z.string() });
    const kept = { kind: 'zones', resultSet: 'us', electionId: undefined };
    expect(body.safeParse(kept).success).toBe(false);
    expect(body.safeParse(asSent(kept)).success).toBe(true);
  });
});
