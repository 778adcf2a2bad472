import type { Migration } from 'kysely/migration';
import * as accounts from './2026_11_23_0001_accounts.ts';
import * as audit from './2026_11_23_0101_audit.ts';
import * as registry from './2026_11_23_0102_registry.ts';
import * as decisions from './2026_11_23_0103_decisions.ts';
import * as map from './2026_11_23_0201_map.ts';
import * as decisionKindPactRatification from './2026_11_23_0301_decision_kind_pact_ratification.ts';
import * as pacts from './2026_11_23_0302_pacts.ts';
import * as ballotRowNonce from './2026_12_03_1001_ballot_row_nonce.ts';
import * as auditRowBaseline from './2026_12_03_1002_audit_row_baseline.ts';
import * as signInThrottle from './2026_12_03_2001_sign_in_throttle.ts';
import * as tickets from './2026_12_03_5001_tickets.ts';
import * as supporters from './2026_12_03_6001_supporters.ts';
import * as petitions from './2026_12_03_7001_petitions.ts';
import * as openDecisionDeadlines from './2026_12_03_9001_open_decision_deadlines.ts';
import * as petitionFeedTokens from './2026_12_04_1201_petition_feed_tokens.ts';
import * as petitionLinks from './2026_12_04_1202_petition_links.ts';
import * as peopleSearchNames from './2026_12_04_1301_people_search_names.ts';
import * as coalitionBranding from './2026_12_04_1501_coalition_branding.ts';
import * as jobs from './2026_12_04_1701_jobs.ts';
import * as changeNotifications from './2026_12_04_1801_change_notifications.ts';
import * as auditPactVersionsBaseline from './2026_12_04_1901_audit_pact_versions_baseline.ts';
import * as placeSizes from './2026_12_04_2101_place_sizes.ts';
import * as peopleImports from './2026_12_04_2201_people_imports.ts';
import * as peopleNameDictionary from './2026_12_05_1201_people_name_dictionary.ts';
import * as peoplePostalIndex from './2026_12_05_1202_people_postal_index.ts';
import * as listPageIndexes from './2026_12_05_1401_list_page_indexes.ts';
import * as auditRivalRowsBaseline from './2026_12_06_2101_audit_rival_rows_baseline.ts';
import * as membersAndRacesPageIndexes from './2026_12_06_2201_members_and_races_page_indexes.ts';
import * as publicVersions from './2026_12_06_2301_public_versions.ts';
import * as raceNamesInWords from './2026_12_06_2401_race_names_in_words.ts';

/**
 * Every migration, in order. Listed statically (not read from the file system) so the same
 * list works under tsx, vitest and a bundle. Names sort chronologically: YYYY_MM_DD_NNNN_topic.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_accounts': accounts,
  '2026_11_23_0101_audit': audit,
  '2026_11_23_0102_registry': registry,
  '2026_11_23_0103_decisions': decisions,
  '2026_11_23_0201_map': map,
  '2026_11_23_0301_decision_kind_pact_ratification': decisionKindPactRatification,
  '2026_11_23_0302_pacts': pacts,
  '2026_12_03_1001_ballot_row_nonce': ballotRowNonce,
  '2026_12_03_1002_audit_row_baseline': auditRowBaseline,
  '2026_12_03_2001_sign_in_throttle': signInThrottle,
  '2026_12_03_5001_tickets': tickets,
  '2026_12_03_6001_supporters': supporters,
  '2026_12_03_7001_petitions': petitions,
  '2026_12_03_9001_open_decision_deadlines': openDecisionDeadlines,
  '2026_12_04_1201_petition_feed_tokens': petitionFeedTokens,
  '2026_12_04_1202_petition_links': petitionLinks,
  '2026_12_04_1301_people_search_names': peopleSearchNames,
  '2026_12_04_1501_coalition_branding': coalitionBranding,
  '2026_12_04_1701_jobs': jobs,
  '2026_12_04_1801_change_notifications': changeNotifications,
  '2026_12_04_1901_audit_pact_versions_baseline': auditPactVersionsBaseline,
  '2026_12_04_2101_place_sizes': placeSizes,
  '2026_12_04_2201_people_imports': peopleImports,
  '2026_12_05_1201_people_name_dictionary': peopleNameDictionary,
  '2026_12_05_1202_people_postal_index': peoplePostalIndex,
  '2026_12_05_1401_list_page_indexes': listPageIndexes,
  '2026_12_06_2101_audit_rival_rows_baseline': auditRivalRowsBaseline,
  '2026_12_06_2201_members_and_races_page_indexes': membersAndRacesPageIndexes,
  '2026_12_06_2301_public_versions': publicVersions,
  '2026_12_06_2401_race_names_in_words': raceNamesInWords,
};
