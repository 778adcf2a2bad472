/** Query keys in one place, so a write can invalidate exactly what it changed. */
export const keys = {
  coalition: ['coalition'] as const,
  charter: ['charter'] as const,
  organizations: ['organizations'] as const,
  organizationList: (filter: object) => ['organizations', 'list', filter] as const,
  organization: (id: string) => ['organizations', 'detail', id] as const,
  admissionCheck: (id: string) => ['organizations', 'admission', id] as const,
  decisions: ['decisions'] as const,
  decisionList: (filter: object) => ['decisions', 'list', filter] as const,
  decision: (id: string) => ['decisions', 'detail', id] as const,
  audit: ['audit'] as const,
  publicCoalition: (slug: string) => ['public', slug] as const,
};

/** A query string from the defined values of a filter. */
export function queryString(filter: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
