import { startE2eServer } from './harness.ts';
import { e2eCoalition, e2ePassword, e2eUsers } from './seed.ts';

/**
 * The browser tests' server, kept running for a person to look at the same data:
 * `npm run build:web && npx tsx test/e2e/dev-server.ts [port]` (in-memory database, gone on exit).
 */
const port = Number(process.argv[2] ?? 8091);
const server = await startE2eServer({ port, demo: false });
console.log(`${server.url}  coalition "${e2eCoalition.name}", password ${e2ePassword} for:`);
for (const [role, email] of Object.entries(e2eUsers)) console.log(`  ${role.padEnd(16)} ${email}`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
