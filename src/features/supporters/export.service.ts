import type { Actor } from '../../core/actor.ts';
import { suppressCount } from '../../core/people/suppress.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { ownerScope } from './access.ts';
import { streamPeople } from './people.repository.ts';
import type { SegmentFilter } from './segment-filter.ts';
import { findSegmentFilter } from './segments.service.ts';

/** The columns of a Concord export (the "concord" import preset reads them back). */
export const exportColumns = [
  'id',
  'external_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'postal_code',
  'county',
  'country',
  'tags',
] as const;

const cell = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * A segment (or all your people) as CSV lines. A channel whose consent is not standing (never given,
 * refused or withdrawn) is left empty: email needs email consent, phone needs phone or SMS consent,
 * the postal address needs post consent. Audited with the segment and a suppressed row count.
 */
export async function* exportPeopleCsv(
  db: Db,
  actor: Actor,
  options: { segmentId?: string | undefined },
): AsyncGenerator<string> {
  const scope = ownerScope(actor, 'export supporters');
  const filter: SegmentFilter = options.segmentId
    ? await findSegmentFilter(db, scope, options.segmentId)
    : {};
  yield `${exportColumns.join(',')}\n`;
  let rows = 0;
  for await (const p of streamPeople(db, scope, filter)) {
    rows += 1;
    const post = p.can_post;
    const values = [
      p.id,
      p.external_id ?? '',
      p.first_name,
      p.last_name,
      p.can_email ? (p.emails[0] ?? '') : '',
      p.can_phone || p.can_sms ? (p.phones[0] ?? '') : '',
      post ? p.address_line1 : '',
      post ? p.address_line2 : '',
      p.city,
      p.state,
      post ? p.postal_code : '',
      p.county_fips ?? '',
      p.country,
      p.tags.join(';'),
    ];
    yield `${values.map(cell).join(',')}\n`;
  }
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'people.exported',
    subject: { type: 'organization', id: scope.organizationId },
    payload: { segmentId: options.segmentId ?? null, rows: suppressCount(rows) },
  });
}

/** The whole export as one string (tests, small segments). */
export async function exportPeopleCsvText(db: Db, actor: Actor, options: { segmentId?: string | undefined }) {
  let text = '';
  for await (const line of exportPeopleCsv(db, actor, options)) text += line;
  return text;
}
