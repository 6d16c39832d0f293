import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { DEFAULT_INDEX_PATTERN, validateIndexPattern } from '../../../shared/domain/index-number.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { record } from './audit-trail.js';

const KEY = 'catalogue';
export const DEFAULT_CATALOGUE_SETTINGS = { indexPattern: DEFAULT_INDEX_PATTERN, maxAttachmentMb: 50 };

export function catalogueSettings(ctx: Ctx): CommandOutput<'catalogue.settings'> {
  return { ...DEFAULT_CATALOGUE_SETTINGS, ...getSetting<Partial<CommandOutput<'catalogue.settings'>>>(ctx.db, KEY) };
}

export function settings(ctx: Ctx): CommandOutput<'catalogue.settings'> {
  return catalogueSettings(ctx);
}

export function updateSettings(ctx: Ctx, input: ParsedInput<'catalogue.updateSettings'>): CommandOutput<'catalogue.updateSettings'> {
  const problems = validateIndexPattern(input.indexPattern);
  if (problems.length) throw new AppError('catalogue.invalid_index_pattern', { problems: problems.join(', ') });
  ctx.db.transaction(() => {
    setSetting(ctx.db, KEY, input);
    record(ctx, 'catalogue.updateSettings', { type: 'settings', id: KEY }, `${input.indexPattern}; ${input.maxAttachmentMb} MB`);
  })();
  return catalogueSettings(ctx);
}
