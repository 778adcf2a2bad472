import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { resolveCoalition } from '../../cli/context.ts';
import { withDatabase } from '../../cli/database.ts';
import { runCommand } from '../../cli/run-command.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import type { AuditLink } from '../../core/audit/chain.ts';
import { invalid } from '../../core/errors.ts';
import { auditEventSchema } from './audit.schema.ts';
import {
  describeBreak,
  readChain,
  type VerifyReport,
  verifyAuditChain,
  verifyLinks,
} from './audit.service.ts';

async function* linksFromFile(path: string): AsyncGenerator<AuditLink> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw invalid('audit.file_invalid', `${path}:${lineNumber}: not JSON`, {
        file: path,
        line: lineNumber,
      });
    }
    const event = auditEventSchema.safeParse(parsed);
    if (!event.success) {
      const issue = event.error.issues[0];
      throw invalid(
        'audit.file_invalid',
        `${path}:${lineNumber}: ${issue?.path.join('.')}: ${issue?.message}`,
        {
          file: path,
          line: lineNumber,
        },
      );
    }
    yield event.data;
  }
}

function printReport(report: VerifyReport, asJson: boolean): void {
  if (asJson) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (report.firstBroken) {
    process.stdout.write(`BROKEN at event ${report.firstBroken.seq}: ${describeBreak(report.firstBroken)}\n`);
  } else {
    process.stdout.write(`intact: ${report.events} event(s), head ${report.head?.hash ?? '(empty chain)'}\n`);
  }
  // Exit code 4: the check ran and found the chain broken (distinct from bad input, 2).
  if (!report.ok) process.exitCode = 4;
}

export function registerAuditCommands(program: Command): void {
  const audit = program
    .command('audit')
    .description("Verify and export a coalition's hash-chained audit log");

  audit
    .command('verify')
    .description('Recompute every hash of the chain and name the first broken link (exit 4 when broken)')
    .option('--coalition <slug>', 'verify the chain stored in the database for this coalition')
    .option('--file <path>', 'verify an exported JSON-lines file instead, with no database')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ concord audit verify --coalition demo
  $ concord audit export --coalition demo --out demo-audit.jsonl && concord audit verify --file demo-audit.jsonl`,
    )
    .action(
      runCommand(async (options: { coalition?: string; file?: string; json?: boolean }) => {
        if (options.file) {
          printReport(await verifyLinks(linksFromFile(options.file)), options.json === true);
          return;
        }
        if (!options.coalition)
          throw invalid('cli.coalition_required', 'Give --coalition <slug> or --file <path>.');
        const slug = options.coalition;
        const report = await withDatabase(async ({ db }) =>
          verifyAuditChain(db, (await resolveCoalition(db, slug)).id),
        );
        printReport(report, options.json === true);
      }),
    );

  audit
    .command('export')
    .description('Write the chain as JSON lines (one canonical-JSON event per line, in chain order)')
    .requiredOption('--coalition <slug>', 'coalition whose chain to export')
    .option('--out <path>', 'file to write (default: standard output)')
    .addHelpText(
      'after',
      `
Examples:
  $ concord audit export --coalition demo > demo-audit.jsonl
  $ concord audit export --coalition demo --out demo-audit.jsonl`,
    )
    .action(
      runCommand(async (options: { coalition: string; out?: string }) => {
        const count = await withDatabase(
          async ({ db }) => {
            const coalition = await resolveCoalition(db, options.coalition);
            const out = options.out ? createWriteStream(options.out) : process.stdout;
            let n = 0;
            for await (const link of readChain(db, coalition.id)) {
              if (!out.write(`${canonicalJson(link)}\n`)) await once(out, 'drain');
              n += 1;
            }
            if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
            return n;
          },
          { quiet: !options.out },
        );
        if (options.out) process.stderr.write(`exported ${count} event(s) to ${options.out}\n`);
      }),
    );
}
