import { z } from 'zod';

/**
 * Every environment variable Concord reads, validated once at boot. README.md documents them;
 * keep the two in step.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  CONCORD_DATA_DIR: z.string().default('./.concord/data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secure cookies need HTTPS (browsers exempt localhost); set false behind plain HTTP elsewhere. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Login attempts allowed per IP and minute before 429. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Failed sign-ins allowed per account (e-mail) within LOGIN_ACCOUNT_WINDOW_MINUTES before 429. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_ACCOUNT_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** How often the server stores the close of decisions whose window has passed (reads never do). */
  CONCORD_CLOSE_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
