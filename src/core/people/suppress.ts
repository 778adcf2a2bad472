/** Counts below this are never shown to anyone but the member that owns the people. */
export const smallCountThreshold = 10;

export type SuppressedCount = number | '<10';

/** A count as coalition staff (or a partner in an overlap run) may see it. */
export function suppressCount(count: number): SuppressedCount {
  return count < smallCountThreshold ? '<10' : count;
}
