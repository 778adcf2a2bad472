import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runConcord } from '../../../../test/helpers/run-concord.ts';
import { AllocationReportSchema } from '../allocate.schema.ts';
import { registerAllocateCommands } from './allocate.cli.ts';

/** The pact of DESIGN.md's example, grown to three members and five races. */
const pact = {
  members: [
    { id: 'greens', weight: 120000, position: -0.6 },
    { id: 'labour', weight: 400000, position: -0.3 },
    { id: 'libdem', weight: 200000, position: 0.1 },
  ],
  races: [
    { id: 'district-1', seats: 1, votes: { greens: 5100, labour: 20300, 'other:con': 22000 } },
    { id: 'district-2', seats: 1, votes: { greens: 9100, labour: 10300, libdem: 8000, 'other:con': 21000 } },
    { id: 'district-3', votes: { greens: 15100, labour: 3000, libdem: 2000, 'other:con': 16000 } },
    { id: 'district-4', votes: { labour: 12000, libdem: 14000, 'other:con': 20000, 'other:ref': 5000 } },
    { id: 'district-5', votes: { labour: 22000, libdem: 4000, 'other:con': 20000 } },
  ],
  apportionment: 'sainte-lague',
  transfer: { sameSide: 0.8, crossSide: 0.3 },
  locks: [{ race: 'district-1', member: 'labour' }],
  vetoes: [{ race: 'district-2', member: 'greens' }],
};

let directory: string;
const file = async (name: string, content: unknown) => {
  const path = join(directory, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const concord = (...args: string[]) => runConcord(registerAllocateCommands, 'allocate', ...args);

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'concord-allocate-'));
});
afterEach(() => {
  process.exitCode = undefined;
});

describe('concord allocate', () => {
  it('--json prints the report DESIGN.md specifies', async () => {
    const { stdout, exitCode } = await concord(await file('pact.json', pact), '--json');
    expect(exitCode).toBe(0);
    const report = AllocationReportSchema.parse(JSON.parse(stdout));
    expect(Object.keys(report.assignments)).toHaveLength(5);
    expect(report.assignments['district-1']).toBe('labour');
    expect(report.assignments['district-2']).not.toBe('greens');
    expect(Object.keys(report.members).sort()).toEqual(['greens', 'labour', 'libdem']);
    expect(report.solver).toMatchObject({ mode: 'heuristic', gapToExact: null });
    expect(report.expectedWins.pact).toBeGreaterThan(report.expectedWins.noPact);
    expect(Object.keys(report.explanations)).toHaveLength(5);
  });

  it('--exact solves with HiGHS and reports the heuristic gap', async () => {
    const { stdout } = await concord(await file('pact.json', pact), '--exact', '--json');
    const report = AllocationReportSchema.parse(JSON.parse(stdout));
    expect(report.solver.mode).toBe('exact');
    expect(report.solver.gapToExact).toBeGreaterThanOrEqual(0);
    expect(report.solver.objective).toBeGreaterThanOrEqual(report.solver.heuristicObjective - 1e-6);
  });

  it('prints a readable table by default', async () => {
    const { stdout } = await concord(await file('pact.json', pact));
    expect(stdout).toMatch(/^member\s+weight\s+entitlement\s+apportioned\s+races\s+expected wins$/m);
    expect(stdout).toMatch(/^labour\s+400000\s+2\.78\s+3\s+3\s/m);
    expect(stdout).toContain('Entitlement within ±1: yes.');
    expect(stdout).toMatch(/^district-1\s+labour\s+labour: \d\.\d\d chance to win/m);
  });

  it('names the JSON path of every schema error, exit code 2', async () => {
    const bad = { ...pact, members: [{ id: 'greens', weight: -1 }], veto: [] };
    const { stderr, exitCode } = await concord(await file('bad.json', bad), '--json');
    expect(exitCode).toBe(2);
    expect(stderr).toContain('members[0].weight');
    expect(stderr).toContain('[pact.invalid_file]');
    expect(stderr).toContain('Unrecognized key');
  });

  it('rejects malformed JSON and missing files, exit code 2', async () => {
    expect((await concord(await file('broken.json', '{"members": ['))).stderr).toContain(
      '[pact.invalid_json]',
    );
    const missing = await concord(join(directory, 'nowhere.json'));
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('[pact.file_unreadable]');
  });

  it('names the colliding constraints of an infeasible pact, exit code 3', async () => {
    const infeasible = { ...pact, vetoes: [{ race: 'district-1', member: 'labour' }] };
    const { stderr, exitCode } = await concord(await file('infeasible.json', infeasible));
    expect(exitCode).toBe(3);
    expect(stderr).toContain('[pact.infeasible]');
    expect(stderr).toContain('"locks[0]"');
    expect(stderr).toContain('"vetoes[0]"');
  });
});
