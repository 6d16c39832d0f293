/** Demo data sets: a year of a real city's records, loaded into an empty store to try the app on. */
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { loadDemoSet } from '../demo/load.js';

export function load(ctx: Ctx, input: ParsedInput<'demo.load'>): CommandOutput<'demo.load'> {
  return loadDemoSet(ctx, input.name);
}
