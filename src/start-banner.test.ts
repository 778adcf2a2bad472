import { describe, expect, it } from 'vitest';
import { startBanner } from './start-banner.ts';

describe('startBanner', () => {
  it('boxes the address and every demo login, each line the same width', () => {
    const text = startBanner({
      url: 'http://localhost:8080',
      logins: [
        { role: 'admin', email: 'admin@demo.concord.example' },
        { role: 'delegate', email: 'delegate.harbor-greens@demo.concord.example' },
      ],
      password: 'concord-demo-2026',
    });
    const lines = text.split('\n');
    expect(lines[0]?.startsWith('┌')).toBe(true);
    expect(lines.at(-1)?.startsWith('└')).toBe(true);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(text).toContain('Concord is running at http://localhost:8080');
    expect(text).toContain('admin     admin@demo.concord.example');
    expect(text).toContain('delegate  delegate.harbor-greens@demo.concord.example');
    expect(text).toContain('password: concord-demo-2026');
  });

  it('has no login section without the demo', () => {
    expect(startBanner({ url: 'http://x', logins: [], password: null })).not.toContain('Demo logins');
  });
});
