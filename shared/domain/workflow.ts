/**
 * Workflow rules as pure functions. Each action lists every reason it would be refused, and its
 * warnings, before anything changes (GOV.UK publisher's failure_reasons): the UI shows the list
 * before the click, and the service refuses with the same list.
 */
import type { Reason } from '../errors.js';
import type { EditionStatus } from './catalogue.js';
import type { SyncRuleStrength } from './interpretation-rules.js';

export interface LinkedInterpretationFacts {
  title: string;
  status: EditionStatus;
  problemCount: number;
  draftingUnit: string;
}

export interface LinkedDocumentFacts {
  title: string;
  status: EditionStatus;
  coIssuers: string[];
  leadUnit: string;
}

export interface SubmitFacts {
  status: EditionStatus;
  /** An update to a published item needs a 更正说明 unless marked a minor change. */
  editionNumber: number;
  changeNote: string;
  minorChange: boolean;
  problemCount: number;
  isInterpretation: boolean;
  /** 规范性文件: the 三同步 rule applies in full. */
  normative: boolean;
  /** Other policy documents (政府文件) get a warning without an interpretation. */
  policyDocument: boolean;
  draftingUnit: string;
  syncRule: SyncRuleStrength;
  interpretations: LinkedInterpretationFacts[];
  documents: LinkedDocumentFacts[];
  copies: { title: string; share: number; tooSimilar: boolean }[];
}

export function submitReasons(f: SubmitFacts): { blocking: Reason[]; warnings: Reason[] } {
  const blocking: Reason[] = [];
  const warnings: Reason[] = [];
  if (f.status !== 'draft') blocking.push({ code: 'workflow.not_draft', params: { status: f.status } });
  if (f.problemCount) blocking.push({ code: 'workflow.metadata_incomplete', params: { count: f.problemCount } });
  if (f.editionNumber > 1 && !f.minorChange && !f.changeNote.trim()) blocking.push({ code: 'workflow.change_note_required' });

  if (f.syncRule !== 'off' && !f.isInterpretation) {
    const strict = f.syncRule === 'block' ? blocking : warnings;
    if (f.normative && !f.interpretations.length) strict.push({ code: 'interpretation.missing' });
    else if (f.policyDocument && !f.normative && !f.interpretations.length) warnings.push({ code: 'interpretation.recommended' });
    // The interpretations travel with the document: each draft one must be ready too.
    for (const i of f.interpretations) {
      if (i.status === 'draft' && i.problemCount) strict.push({ code: 'interpretation.incomplete', params: { title: i.title, count: i.problemCount } });
    }
  }

  if (f.isInterpretation) {
    if (!f.documents.length) warnings.push({ code: 'interpretation.no_document' });
    for (const d of f.documents) {
      // 联合发文由牵头单位解读 (谁起草、谁解读)
      if (d.coIssuers.length && d.leadUnit && d.leadUnit !== f.draftingUnit) {
        blocking.push({ code: 'interpretation.not_lead_unit', params: { title: d.title, leadUnit: d.leadUnit } });
      }
      if (d.status === 'draft') warnings.push({ code: 'interpretation.document_not_submitted', params: { title: d.title } });
    }
    for (const c of f.copies) {
      if (c.tooSimilar) warnings.push({ code: 'interpretation.mostly_copied', params: { title: c.title, percent: Math.round(c.share * 100) } });
    }
  }
  return { blocking, warnings };
}
