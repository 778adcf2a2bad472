import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/** JSON logs in production and CI; readable lines on an interactive terminal. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  const pretty = process.stdout.isTTY && !process.env.CI;
  return pino({
    level: config.LOG_LEVEL,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}
