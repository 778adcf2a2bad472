/**
 * Okabe and Ito's palette: eight colours told apart with every common colour-vision deficiency.
 * Past eight members colours repeat; the legend, the tooltip and the table still name each member.
 */
const palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#7f7f7f'];

/** Races left open (no coalition candidate). */
export const openColour = '#ffffff';

/** A colour per member by its place in the list given (a pact's members, when nothing else is known). */
export function memberColours(memberKeys: readonly string[]): Map<string, string> {
  return new Map(memberKeys.map((key, i) => [key, palette[i % palette.length] ?? '#7f7f7f']));
}

/**
 * The coalition's colour for each organization: by the order organizations joined the coalition
 * (then id), so a member keeps its colour on every chart and map, whatever pact or page shows it,
 * and a new member takes the next colour without moving anyone else's.
 */
export function coalitionColours(
  organizations: readonly { id: string; createdAt: string }[],
): Map<string, string> {
  const ordered = [...organizations].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  return new Map(ordered.map((org, i) => [org.id, palette[i % palette.length] ?? '#7f7f7f']));
}

/** A pact's member keys to the coalition's colours; members the coalition list lacks fall back to pact order. */
export function pactMemberColours(
  members: readonly { key: string; organizationId: string }[],
  byOrganization: ReadonlyMap<string, string>,
): Map<string, string> {
  const fallback = memberColours(members.map((m) => m.key));
  return new Map(
    members.map((m) => [m.key, byOrganization.get(m.organizationId) ?? fallback.get(m.key) ?? '#7f7f7f']),
  );
}
