/**
 * Header presets for the people exports of other organizing tools (read from
 * /work/shared/crm-formats.md, documented in docs/supporters.md). A preset maps a source header
 * (matched without regard to case or surrounding spaces) to a target field. Targets:
 *
 * - plain fields: external_id first_name last_name email phone address_line1 address_line2 city
 *   state postal_code postal_code_suffix county country tags notes
 * - consent: consent_email / consent_phone take yes-like values as a grant, no-like as a refusal;
 *   optout_email / optout_phone are "do not" flags (any yes-like value refuses the channel);
 *   optout_all refuses both; email_status / sms_status hold Action Network's "subscribed" and others.
 * - custom:<name> keeps the value in a custom field; skip drops the column.
 *
 * Several columns may map to one target: emails and phones are all kept (the first is primary),
 * text fields are joined, consents combine (any refusal wins, then any grant, else unknown).
 */
export const plainTargets = [
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
  'postal_code_suffix',
  'county',
  'country',
  'tags',
  'notes',
  'consent_email',
  'consent_phone',
  'optout_email',
  'optout_phone',
  'optout_all',
  'email_status',
  'sms_status',
  'contact_type',
  'skip',
] as const;
export type PlainTarget = (typeof plainTargets)[number];
export type ImportTarget = PlainTarget | `custom:${string}`;

export const presetNames = ['action_network', 'nationbuilder', 'civicrm', 'concord'] as const;
export type PresetName = (typeof presetNames)[number];

export interface Preset {
  label: string;
  columns: Record<string, ImportTarget>;
  /** How a cell of the tags column splits into tags. */
  tagSeparator: RegExp;
  /** Headers not listed: kept as custom fields (Action Network, NationBuilder) or left for the mapping step. */
  unknownAsCustom: boolean;
}

export const presets: Record<PresetName, Preset> = {
  action_network: {
    label: 'Action Network report download',
    tagSeparator: /, /,
    unknownAsCustom: true,
    columns: {
      uuid: 'external_id',
      first_name: 'first_name',
      last_name: 'last_name',
      email: 'email',
      zip_code: 'postal_code',
      can2_user_address: 'address_line1',
      can2_user_city: 'city',
      can2_state_abbreviated: 'state',
      can2_user_state: 'state',
      can2_county: 'county',
      country: 'country',
      can2_phone: 'phone',
      phone: 'phone',
      'phone number': 'phone',
      can2_sms_status: 'sms_status',
      can2_subscription_status: 'email_status',
      can2_user_tags: 'tags',
      can2_subscription_date: 'skip',
      can2_lifetime_value: 'custom:lifetime_value',
    },
  },
  nationbuilder: {
    label: 'NationBuilder people export',
    tagSeparator: /,/,
    unknownAsCustom: false,
    columns: {
      nationbuilder_id: 'external_id',
      first_name: 'first_name',
      last_name: 'last_name',
      email: 'email',
      email1: 'email',
      email2: 'email',
      email3: 'email',
      email4: 'email',
      email_opt_in: 'consent_email',
      mobile_number: 'phone',
      phone_number: 'phone',
      mobile_opt_in: 'consent_phone',
      do_not_call: 'optout_phone',
      federal_donotcall: 'optout_phone',
      is_mobile_bad: 'skip',
      do_not_contact: 'optout_all',
      primary_address1: 'address_line1',
      primary_address2: 'address_line2',
      primary_address3: 'address_line2',
      primary_city: 'city',
      primary_state: 'state',
      primary_zip: 'postal_code',
      primary_county: 'county',
      primary_country_code: 'country',
      tag_list: 'tags',
      note: 'notes',
      created_at: 'skip',
      employer: 'custom:employer',
      occupation: 'custom:occupation',
      is_volunteer: 'custom:is_volunteer',
      middle_name: 'custom:middle_name',
      prefix: 'custom:prefix',
      suffix: 'custom:suffix',
    },
  },
  civicrm: {
    label: 'CiviCRM contact export (primary fields)',
    tagSeparator: /,/,
    unknownAsCustom: false,
    columns: {
      'contact id': 'external_id',
      'internal contact id': 'external_id',
      'contact type': 'contact_type',
      'first name': 'first_name',
      'last name': 'last_name',
      email: 'email',
      'on hold': 'optout_email',
      phone: 'phone',
      'street address': 'address_line1',
      'supplemental address 1': 'address_line2',
      'supplemental address 2': 'address_line2',
      'supplemental address 3': 'address_line2',
      city: 'city',
      state: 'state',
      county: 'county',
      country: 'country',
      'postal code': 'postal_code',
      'postal code suffix': 'postal_code_suffix',
      'do not email': 'optout_email',
      'no bulk emails (user opt out)': 'optout_email',
      'do not phone': 'optout_phone',
      'do not sms': 'optout_phone',
      'group(s)': 'tags',
      'tag(s)': 'tags',
      'note(s)': 'notes',
      'middle name': 'custom:middle_name',
      'external identifier': 'custom:external_identifier',
    },
  },
  concord: {
    label: 'Concord (this tool’s own export)',
    tagSeparator: /;/,
    unknownAsCustom: false,
    columns: {
      external_id: 'external_id',
      first_name: 'first_name',
      last_name: 'last_name',
      email: 'email',
      phone: 'phone',
      address_line1: 'address_line1',
      address_line2: 'address_line2',
      city: 'city',
      state: 'state',
      postal_code: 'postal_code',
      county: 'county',
      country: 'country',
      tags: 'tags',
      consent_email: 'consent_email',
      consent_phone: 'consent_phone',
    },
  },
};

/** The preset whose telltale headers the file has, or null (then the mapping step decides). */
export function detectPreset(headers: readonly string[]): PresetName | null {
  const lower = new Set(headers.map((h) => h.trim().toLowerCase()));
  if (lower.has('nationbuilder_id')) return 'nationbuilder';
  if (lower.has('contact id') || lower.has('internal contact id')) return 'civicrm';
  if ([...lower].some((h) => h.startsWith('can2_')) || lower.has('uuid')) return 'action_network';
  if (lower.has('first_name') && lower.has('email')) return 'concord';
  return null;
}

/** The mapping a preset proposes for these headers: each header (by position) to a target. */
export function proposeMapping(headers: readonly string[], preset: PresetName | null): ImportTarget[] {
  const chosen = preset ? presets[preset] : null;
  return headers.map((header) => {
    const key = header.trim().toLowerCase();
    const known = chosen?.columns[key] ?? presets.concord.columns[key];
    if (known) return known;
    // CiviCRM prefixes location types ("Home-Email"): map them by their field.
    const located =
      chosen === presets.civicrm ? presets.civicrm.columns[key.replace(/^[^-]+-/, '')] : undefined;
    if (located) return located;
    return chosen?.unknownAsCustom ? (`custom:${header.trim()}` as const) : 'skip';
  });
}
