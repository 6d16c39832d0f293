import type { Ctx } from '../context.js';
import type { Category, CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { record } from './audit-trail.js';

interface CategoryRow {
  id: string;
  name: string;
  parent_id: string | null;
  column_id: string;
  sort_order: number;
  active: number;
}

export function listCategories(ctx: Ctx): Category[] {
  return (ctx.db.prepare('SELECT * FROM categories ORDER BY sort_order, id').all() as CategoryRow[]).map((r) => ({
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    columnId: r.column_id,
    sortOrder: r.sort_order,
    active: r.active === 1,
  }));
}

export function list(ctx: Ctx): CommandOutput<'categories.list'> {
  return listCategories(ctx);
}

/** Creates or updates a category; categories are deactivated, never deleted, since items keep them. */
export function save(ctx: Ctx, input: ParsedInput<'categories.save'>): CommandOutput<'categories.save'> {
  if (input.parentId !== null && (input.parentId === input.id || !listCategories(ctx).some((c) => c.id === input.parentId && c.parentId === null))) {
    throw new AppError('categories.invalid_parent');
  }
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO categories (id, name, parent_id, column_id, sort_order, active) VALUES (@id, @name, @parentId, @columnId, @sortOrder, @active)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, column_id = excluded.column_id,
           sort_order = excluded.sort_order, active = excluded.active`,
      )
      .run({ ...input, active: input.active ? 1 : 0 });
    record(ctx, 'categories.save', { type: 'category', id: input.id }, `${input.name} → ${input.columnId || '-'}${input.active ? '' : ' (inactive)'}`);
  })();
  return listCategories(ctx).find((c) => c.id === input.id)!;
}
