/**
 * What `npm start` prints last, in a box so it is not lost in the log above it: where Concord
 * runs and, with the demo loaded, every demo login.
 */
export function startBanner(input: {
  url: string;
  logins: readonly { role: string; email: string }[];
  password: string | null;
}): string {
  const lines = [`Concord is running at ${input.url}`, `API documentation: ${input.url}/docs`];
  if (input.logins.length > 0) {
    lines.push('', `Demo logins (password: ${input.password ?? ''})`);
    const width = Math.max(...input.logins.map((login) => login.role.length));
    for (const login of input.logins) lines.push(`  ${login.role.padEnd(width)}  ${login.email}`);
  }
  const inner = Math.max(...lines.map((line) => line.length));
  const edge = '─'.repeat(inner + 2);
  return [`┌${edge}┐`, ...lines.map((line) => `│ ${line.padEnd(inner)} │`), `└${edge}┘`].join('\n');
}
