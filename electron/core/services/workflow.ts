/** Workflow actions. Submitting for review is the first; review and approval build on it. */
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError, type Reason } from '../../../shared/errors.js';
import { catalogueProblems } from '../../../shared/domain/catalogue.js';
import { submitReasons } from '../../../shared/domain/workflow.js';
import type { EditionRecord } from '../db/items-repo.js';
import { catalogueSettings } from './catalogue-settings.js';
import { copyChecks, currentEdition, INTERPRETATION_CATEGORY, interpretationSettings, linkedItemIds } from './interpretations.js';
import { requireEdition, today } from './items.js';
import { record } from './audit-trail.js';

const POLICY_CATEGORY = 'gov_document';

function problemCount(ctx: Ctx, e: EditionRecord): number {
  return catalogueProblems(e, today(ctx), catalogueSettings(ctx).topics).length;
}

/** What submitting would do: the reasons it is refused, its warnings, and what goes with it. */
function planSubmit(ctx: Ctx, editionId: string): { edition: EditionRecord; blocking: Reason[]; warnings: Reason[]; together: EditionRecord[] } {
  const edition = requireEdition(ctx, editionId);
  const ids = linkedItemIds(ctx, edition.itemId);
  const interpretations = ids.interpretations.map((id) => currentEdition(ctx, id));
  const documents = ids.documents.map((id) => currentEdition(ctx, id));
  const isInterpretation = edition.categoryId === INTERPRETATION_CATEGORY;
  const { blocking, warnings } = submitReasons({
    status: edition.status,
    editionNumber: edition.number,
    changeNote: edition.changeNote,
    minorChange: edition.minorChange,
    problemCount: problemCount(ctx, edition),
    isInterpretation,
    normative: edition.normative,
    policyDocument: edition.categoryId === POLICY_CATEGORY,
    draftingUnit: edition.draftingUnit,
    syncRule: interpretationSettings(ctx).syncRule,
    interpretations: interpretations.map((i) => ({ title: i.title, status: i.status, problemCount: problemCount(ctx, i), draftingUnit: i.draftingUnit })),
    documents: documents.map((d) => ({ title: d.title, status: d.status, coIssuers: d.coIssuers, leadUnit: d.leadUnit })),
    copies: copyChecks(ctx, edition),
  });
  const together = isInterpretation ? [] : interpretations.filter((i) => i.status === 'draft');
  return { edition, blocking, warnings, together };
}

export function checkSubmit(ctx: Ctx, input: ParsedInput<'workflow.checkSubmit'>): CommandOutput<'workflow.checkSubmit'> {
  const { blocking, warnings, together } = planSubmit(ctx, input.editionId);
  return { blocking, warnings, together: together.map((e) => e.id) };
}

export function submit(ctx: Ctx, input: ParsedInput<'workflow.submit'>): CommandOutput<'workflow.submit'> {
  return ctx.db.transaction(() => {
    const { edition, blocking, warnings, together } = planSubmit(ctx, input.editionId);
    if (blocking.length) throw new AppError('workflow.refused', { count: blocking.length }, blocking);
    const at = ctx.clock.now().toISOString();
    const submitted = [edition, ...together];
    for (const e of submitted) {
      ctx.db.prepare("UPDATE editions SET status = 'submitted', updated_at = ? WHERE id = ? AND status = 'draft'").run(at, e.id);
      record(ctx, 'workflow.submit', { type: 'edition', id: e.id }, `${e.indexNumber} #${e.number}${e.id === edition.id ? '' : ` (with ${edition.indexNumber})`}`);
    }
    return { submitted: submitted.map((e) => e.id), warnings };
  })();
}
