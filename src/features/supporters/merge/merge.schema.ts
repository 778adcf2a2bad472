import { z } from 'zod';

/** Fields where a merge keeps one side's value; emails, phones, tags and custom fields keep both. */
export const mergeFields = ['name', 'address', 'externalId', 'notes', 'stage'] as const;
export const mergeChoicesSchema = z.partialRecord(z.enum(mergeFields), z.enum(['survivor', 'merged']));
export type MergeChoices = z.infer<typeof mergeChoicesSchema>;
