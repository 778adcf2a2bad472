import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { placeServerError } from '../../forms/apply-server-issues.ts';
import { fieldLimits } from '../../forms/schema-at.ts';
import { insertionIndex, isSourceComplete, newPactSchema, optionalText, partyCodes } from './pact-form.ts';

const ids = {
  a: '00000000-0000-4000-8000-00000000000a',
  b: '00000000-0000-4000-8000-00000000000b',
  c: '00000000-0000-4000-8000-00000000000c',
  state: '00000000-0000-4000-8000-0000000000f1',
};

describe('the new-pact form', () => {
  it('reads party codes however they are typed, and a blank office or stage as none', () => {
    expect(partyCodes(' dem, GRN;lib  dem ')).toEqual(['DEM', 'GRN', 'LIB']);
    expect(partyCodes('')).toEqual([]);
    expect(optionalText('  us_house ')).toBe('us_house');
    expect(optionalText('   ')).toBeUndefined();
  });

  it("keeps the members in the table's order whatever order they are checked in", () => {
    const table = [ids.a, ids.b, ids.c];
    expect(insertionIndex(table, [], ids.b)).toBe(0);
    expect(insertionIndex(table, [ids.b], ids.c)).toBe(1);
    expect(insertionIndex(table, [ids.b, ids.c], ids.a)).toBe(0);
    expect(insertionIndex(table, [ids.a, ids.c], ids.b)).toBe(1);
  });

  it('knows when the source names all it needs', () => {
    expect(isSourceComplete({ kind: 'races', electionId: ids.a })).toBe(true);
    expect(isSourceComplete({ kind: 'races' })).toBe(false);
    expect(isSourceComplete({ kind: 'zones', parentJurisdictionId: ids.state, resultSet: 'x' })).toBe(true);
    expect(isSourceComplete({ kind: 'zones', parentJurisdictionId: ids.state })).toBe(false);
    expect(isSourceComplete(undefined)).toBe(false);
  });

  it('validates with the create body: the values are the request, the members the checked ones', () => {
    const values = {
      name: ' Zones ',
      source: { kind: 'zones', parentJurisdictionId: ids.state, resultSet: 'us-president-2024-county' },
      members: [
        { organizationId: ids.a, parties: ['DEM'] },
        { organizationId: ids.c, parties: [], weight: 1200 },
      ],
    };
    expect(newPactSchema.parse(values)).toEqual({
      ...values,
      name: 'Zones',
      source: { ...values.source, zoneKind: 'county' },
    });
    // A key of the other source kind left behind would be refused, hence the form unregisters them.
    expect(newPactSchema.safeParse({ ...values, source: { ...values.source, office: 'x' } }).success).toBe(
      false,
    );
    expect(fieldLimits(newPactSchema, 'members.0.parties.0')).toEqual({
      required: true,
      minLength: 1,
      maxLength: 40,
    });
    expect(fieldLimits(newPactSchema, 'source.office')).toEqual({ required: false, maxLength: 60 });
  });

  it("places the server's issues beside the member's row, its fields and the source's", () => {
    const refusal = (path: string, message: string) =>
      new ApiError(409, 'pact.member_not_active', message, { issues: [{ path, message }] });
    const gone = 'Civic Renewal is withdrawn: only members take part in a pact.';
    expect(placeServerError(newPactSchema, refusal('body.members.2.organizationId', gone))).toEqual({
      fields: { 'members.2.organizationId': gone },
    });
    expect(placeServerError(newPactSchema, refusal('body.members.1.parties', 'Twice')).fields).toEqual({
      'members.1.parties': 'Twice',
    });
    expect(placeServerError(newPactSchema, refusal('body.members.0.weight', 'Give it')).fields).toEqual({
      'members.0.weight': 'Give it',
    });
    // Through the source's union by kind: a zones field and a races field both have a place.
    expect(placeServerError(newPactSchema, refusal('body.source.parentJurisdictionId', 'No')).fields).toEqual(
      { 'source.parentJurisdictionId': 'No' },
    );
    expect(placeServerError(newPactSchema, refusal('body.source.electionId', 'No election')).fields).toEqual({
      'source.electionId': 'No election',
    });
  });
});
