/**
 * Every command in the contract, fuzzed through the gate by every kind of caller: random JSON,
 * values only Electron's structured clone can carry, and schema-shaped near-misses. The answer is
 * always a structured result (a known error code, or a value the output schema accepts), never a
 * thrown exception or an internal error, and a refused call changes nothing: no row, no audit
 * entry, no stored file.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isCommandName, type CommandName } from '../../shared/contract.js';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors.js';
import { buildWorld, CALLERS, openWorld, removeWorld, snapshot, type WorldTemplate } from '../support/office-world.js';
import { anyValue, jsonSchemaOf, nearMiss, validInput } from '../support/schema-arbitrary.js';
import type { Logger } from '../../electron/core/context.js';

/**
 * Runs per command: MIN_RUNS always, then as many more (up to RUNS) as the measured pace fits in
 * BUDGET_MS, so the file stays near a minute as commands are added (a password check is slow).
 */
const MIN_RUNS = 10;
const RUNS = Math.max(MIN_RUNS, Number(process.env.GATE_PROPERTY_RUNS ?? 40));
const BUDGET_MS = Number(process.env.GATE_PROPERTY_BUDGET_MS ?? 300);

/**
 * Refusals that are recorded on purpose: a failed password is counted towards the lockout and
 * written to the audit trail (users and audit tables only; checked below).
 */
const RECORDED_REFUSALS: readonly ErrorCode[] = ['auth.login_failed', 'auth.account_locked', 'auth.wrong_password'];
const RECORDED_TABLES = new Set(['users', 'audit_log', 'settings']);

/** No command is excluded; this list stays empty unless a command cannot be fuzzed, with the reason. */
const EXCLUDED: Partial<Record<CommandName, string>> = {};

const names = Object.keys(contract).filter((name): name is CommandName => isCommandName(name) && !EXCLUDED[name]);

let template: WorldTemplate;
beforeAll(async () => {
  template = await buildWorld();
}, 120_000);
afterAll(() => {
  removeWorld(template);
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
});

/** What the gate logged for an internal error: enough of the stack to find the line. */
const firstLinesOf = (value: unknown) => (value instanceof Error ? value.stack?.split('\n').slice(0, 3).join(' ') : value);

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((key) => before[key] !== after[key]);
}

describe('the gate under random and malformed input', () => {
  it('covers every command of the contract, or says why not', () => {
    expect(names.length + Object.keys(EXCLUDED).length).toBe(Object.keys(contract).length);
  });

  it.each(names)('%s answers every input with a structured result and no partial write', { timeout: 60_000 }, async (name) => {
    const internalErrors: unknown[] = [];
    const log: Logger = { info: () => undefined, error: (...args: unknown[]) => void internalErrors.push(args.map(firstLinesOf)) };
    const world = openWorld(template, log);
    const schema = jsonSchemaOf(contract[name].input);
    const input = fc.oneof({ weight: 1, arbitrary: anyValue() }, { weight: 3, arbitrary: nearMiss(schema, template.pools) }, { weight: 2, arbitrary: validInput(schema, template.pools) });
    const property = fc.asyncProperty(fc.constantFrom(...CALLERS), input, async (caller, value) => {
      const session = world.sessions()[caller];
      const before = snapshot(world.backend, world.dataDir);
      const result = await world.backend.call(name, value, session);
      if (result.ok) {
        expect(contract[name].output.safeParse(result.value).success).toBe(true);
        return;
      }
      expect(ERROR_CODES).toContain(result.error.code);
      expect(result.error.code, JSON.stringify(internalErrors.at(-1))).not.toBe('api.internal');
      for (const param of Object.values(result.error.params ?? {})) expect(['string', 'number']).toContain(typeof param);
      const changed = changedTables(before, snapshot(world.backend, world.dataDir));
      if (RECORDED_REFUSALS.includes(result.error.code)) expect(changed.filter((table) => !RECORDED_TABLES.has(table))).toEqual([]);
      else expect(changed, `${result.error.code} changed data`).toEqual([]);
    });
    try {
      const started = performance.now();
      await fc.assert(property, { numRuns: MIN_RUNS, endOnFailure: true });
      const perRun = (performance.now() - started) / MIN_RUNS;
      const more = Math.min(RUNS - MIN_RUNS, Math.floor(BUDGET_MS / perRun));
      if (more > 0) await fc.assert(property, { numRuns: more, endOnFailure: true });
    } finally {
      world.close();
    }
  });
});
