/** Catalogue helpers shared by the drafts list, the editor and the dashboard: labels, colours, empty drafts. */
import type { ComboboxItem } from '@mantine/core';
import { shanghaiDate } from '../shared/domain/local-date.js';
import { blankFields, type CatalogueFields, type EditionStatus } from '../shared/domain/catalogue.js';
import { INTERPRETATION_ELEMENTS } from '../shared/domain/interpretation-rules.js';
import type { Category, Unit } from '../shared/contract.js';

export const STATUS_COLORS: Record<EditionStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  reviewed: 'cyan',
  approved: 'teal',
  queued: 'indigo',
  scheduled: 'violet',
  published: 'green',
  failed: 'red',
  conflict: 'orange',
  withdrawn: 'dark',
  superseded: 'gray',
};

/** The category of policy interpretations: its items interpret documents of the other categories. */
export const INTERPRETATION_CATEGORY = 'interpretation';
/** Online interviews: the interview's date, guests and topic are catalogue fields; the transcript is the body. */
export const ONLINE_INTERVIEW_CATEGORY = 'online_interview';

/** A document a new interpretation will be linked to once it is first saved. */
export interface PendingLink {
  itemId: string;
  title: string;
}

/** What the editor keeps and autosaves: everything an officer can change before saving. */
export interface DraftContent {
  categoryId: string;
  fields: CatalogueFields;
  bodyHtml: string;
  /** A new interpretation's documents, linked after its first save. */
  pendingLinks?: PendingLink[];
}

/** A new interpretation's body: a heading for each element a good interpretation covers, to write under. */
export function interpretationTemplate(): string {
  return INTERPRETATION_ELEMENTS.map((element) => `<h2>${element}</h2><p></p>`).join('');
}

/** Today in Asia/Shanghai, the date of record whatever the PC's time zone. */
export function todayInShanghai(): string {
  return shanghaiDate(new Date());
}

/** A new draft's fields: the unit publishes and drafts it unless the officer says otherwise. */
export function emptyFields(unit: Unit | null): CatalogueFields {
  return blankFields(unit?.name ?? '', null);
}

/** The editable fields of an edition (or anything carrying them), and nothing else. */
export function fieldsOf(source: CatalogueFields): CatalogueFields {
  const names = Object.keys(blankFields('', null)) as (keyof CatalogueFields)[];
  return Object.fromEntries(names.map((name) => [name, source[name]])) as unknown as CatalogueFields;
}

/** An autosaved payload, if it still has the shape the editor wrote; anything else is unreadable. */
export function parseDraftContent(payload: string): DraftContent | null {
  try {
    const value = JSON.parse(payload) as Partial<DraftContent> | null;
    if (!value || typeof value !== 'object') return null;
    if (typeof value.categoryId !== 'string' || typeof value.bodyHtml !== 'string') return null;
    if (!value.fields || typeof value.fields !== 'object' || typeof value.fields.title !== 'string') return null;
    const pendingLinks = Array.isArray(value.pendingLinks)
      ? value.pendingLinks.filter((l): l is PendingLink => !!l && typeof l.itemId === 'string' && typeof l.title === 'string')
      : [];
    return {
      categoryId: value.categoryId,
      bodyHtml: value.bodyHtml,
      fields: { ...emptyFields(null), ...value.fields },
      ...(pendingLinks.length ? { pendingLinks } : {}),
    };
  } catch {
    return null;
  }
}

export type CategoryOption = ComboboxItem & { depth: number };

/**
 * Categories for a Select, each sub-category right after its parent. The value shown in the input
 * names the parent too; `depth` lets the dropdown indent instead.
 */
export function categoryOptions(categories: readonly Category[], options: { activeOnly?: boolean; keep?: string } = {}): CategoryOption[] {
  const shown = categories.filter((c) => !options.activeOnly || c.active || c.id === options.keep);
  const byOrder = (a: Category, b: Category) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const result: CategoryOption[] = [];
  const tops = shown.filter((c) => c.parentId === null || !shown.some((p) => p.id === c.parentId)).sort(byOrder);
  for (const top of tops) {
    const parentName = top.parentId ? names.get(top.parentId) : undefined;
    result.push({ value: top.id, label: parentName ? `${parentName} / ${top.name}` : top.name, depth: top.parentId ? 1 : 0 });
    for (const child of shown.filter((c) => c.parentId === top.id).sort(byOrder)) {
      result.push({ value: child.id, label: `${top.name} / ${child.name}`, depth: 1 });
    }
  }
  return result;
}

export function categoryNames(categories: readonly Category[] | undefined): Map<string, string> {
  return new Map((categories ?? []).map((c) => [c.id, c.name]));
}

/** The category a new draft starts in: the first active top-level one. */
export function defaultCategoryId(categories: readonly Category[]): string | null {
  return categoryOptions(categories, { activeOnly: true })[0]?.value ?? null;
}
