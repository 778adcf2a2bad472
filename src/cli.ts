/**
 * `concord` from the TypeScript sources (tsx: `npm run dev`, and bin/concord.js when dist/ is
 * missing or older than the sources): every command module loads. The program is assembled in
 * src/cli/main.ts.
 */
import { runCli } from './cli/main.ts';

await runCli(process.argv);
