import { z } from 'zod';

/** Limits of an upload to POST /api/rctab/count, shared with the web form. */
export const rctabUploadLimits = {
  /** Bytes of all files together. */
  totalBytes: 200 * 1024 * 1024,
  files: 5_000,
  configBytes: 1024 * 1024,
} as const;

export const rctabRoundSchema = z.object({
  round: z.number().int(),
  tallies: z.record(z.string(), z.string()),
  threshold: z.string(),
  exhausted: z.string().describe('inactive ballots of every reason, this round'),
  elected: z.array(z.string()),
  eliminated: z.array(z.string()),
});

export const rctabCountResultSchema = z.object({
  contest: z.string(),
  winners: z.array(z.string()),
  /** One per pass: one, or one per seat for multi-pass IRV. */
  passes: z.array(
    z.object({
      winners: z.array(z.string()),
      rounds: z.array(rctabRoundSchema),
      reports: z.object({
        json: z.string().describe("RCTab's detailed_report.json"),
        csv: z.string().describe("RCTab's detailed_report.csv"),
      }),
    }),
  ),
});

export type RctabCountResult = z.infer<typeof rctabCountResultSchema>;
