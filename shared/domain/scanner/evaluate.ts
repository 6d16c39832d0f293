import { scanText } from './index.js';
import { FINDING_KINDS, type Finding, type FindingKind, type ScanOptions, type Severity } from './types.js';

/**
 * Precision and recall of the scanner on a labelled corpus. A finding counts as found only with
 * the labelled kind and exactly the labelled span; the severity is checked separately, so a wrong
 * severity does not hide a correct detection.
 */

export interface LabelledSpan {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
  severity: Severity;
}

/** Text that looks like a finding of `like` but is not one (a wrong check digit, a 文号, a masked ID). */
export interface DecoySpan {
  like: FindingKind;
  start: number;
  end: number;
  text: string;
}

export interface LabelledDocument {
  name: string;
  text: string;
  expected: readonly LabelledSpan[];
  decoys: readonly DecoySpan[];
}

export interface KindScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Detections with the right span but another severity than labelled. */
  severityErrors: number;
  /** One line per error, for a failing test's message. */
  errors: string[];
}

export type Evaluation = Record<FindingKind, KindScore>;

const spanKey = (s: { kind: FindingKind; start: number; end: number }) => `${s.kind}:${s.start}:${s.end}`;
const brief = (doc: LabelledDocument, s: { start: number; end: number; text: string }) =>
  `${doc.name} @${s.start} ${JSON.stringify(s.text)} in …${doc.text.slice(Math.max(0, s.start - 12), s.end + 6).replace(/\s+/g, ' ')}…`;

export function evaluate(corpus: readonly LabelledDocument[], options: ScanOptions): Evaluation {
  const result = Object.fromEntries(
    FINDING_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, severityErrors: 0, errors: [] as string[] }]),
  ) as Evaluation;
  for (const doc of corpus) {
    const findings = new Map<string, Finding>(scanText(doc.text, options).map((f) => [spanKey(f), f]));
    for (const label of doc.expected) {
      const score = result[label.kind];
      const found = findings.get(spanKey(label));
      if (!found) {
        score.fn++;
        score.errors.push(`missed ${brief(doc, label)}`);
        continue;
      }
      findings.delete(spanKey(label));
      score.tp++;
      if (found.severity !== label.severity) {
        score.severityErrors++;
        score.errors.push(`severity ${found.severity}, labelled ${label.severity}: ${brief(doc, label)}`);
      }
    }
    for (const f of findings.values()) {
      result[f.kind].fp++;
      result[f.kind].errors.push(`false ${brief(doc, f)} (${f.explanation})`);
    }
  }
  for (const score of Object.values(result)) {
    score.precision = score.tp + score.fp ? score.tp / (score.tp + score.fp) : 1;
    score.recall = score.tp + score.fn ? score.tp / (score.tp + score.fn) : 1;
  }
  return result;
}
