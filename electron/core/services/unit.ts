import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { readUnit, writeUnit } from './setup.js';
import { record } from './audit-trail.js';

export function get(ctx: Ctx): CommandOutput<'unit.get'> {
  const unit = readUnit(ctx);
  if (!unit) throw new AppError('setup.required');
  return unit;
}

export function update(ctx: Ctx, input: ParsedInput<'unit.update'>): CommandOutput<'unit.update'> {
  return ctx.db.transaction(() => {
    const unit = writeUnit(ctx, input);
    record(ctx, 'unit.update', { type: 'unit', id: unit.code }, `${unit.name} (${unit.code})`);
    return unit;
  })();
}
