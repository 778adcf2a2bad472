import { Command } from 'commander';
import { vi } from 'vitest';

/**
 * Runs a `concord` command in-process with the given feature's commands registered; returns what
 * it printed and the exit code it set (runCommand sets process.exitCode instead of exiting).
 */
export async function runConcord(register: (program: Command) => void, ...args: string[]) {
  const program = new Command('concord').exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'concord', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const exitCode = process.exitCode ?? 0;
  process.exitCode = undefined;
  return { stdout, stderr, exitCode };
}
