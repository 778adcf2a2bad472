/**
 * The supporters feature's closed error catalog and its endpoint factory, apart from the contracts so
 * that the contract files of each part (people, merge, overlap, segments) can share them.
 */
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';

/** Every code the supporters feature throws, with its kind. */
export const supporterErrors = defineErrors({
  'people.aggregates_only': 'forbidden',
  'people.not_a_member_organizer': 'forbidden',
  'people.protected_field': 'invalid',
  'people.cursor_invalid': 'invalid',
  'person.not_found': 'not_found',
  'person.invalid': 'invalid',
  'consent.nothing_to_withdraw': 'conflict',
  'link.code_invalid': 'invalid',
  'link.same_organization': 'invalid',
  'link.unknown_organization': 'invalid',
  'segment.not_found': 'not_found',
  'segment.name_taken': 'conflict',
  'import.unknown_column': 'invalid',
  'merge.same_person': 'invalid',
  'merge.not_found': 'not_found',
  'merge.not_latest': 'conflict',
  'merge.already_undone': 'conflict',
  'merge.record_gone': 'not_found',
  'overlap.same_member': 'invalid',
  'overlap.unknown_member': 'invalid',
  'overlap.not_found': 'not_found',
  'overlap.decided': 'conflict',
  'overlap.delegates_only': 'forbidden',
  'overlap.not_yours_to_approve': 'forbidden',
});
export type SupporterErrorCode = CodeOf<typeof supporterErrors>;

export const endpoint = endpointsOf('supporters', supporterErrors);

/** What every owner-scoped endpoint can answer (src/features/supporters/access.ts). */
export const ownerErrors = ['people.aggregates_only', 'people.not_a_member_organizer'] as const;
