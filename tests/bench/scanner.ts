/**
 * The 保密审查 scanner: precision and recall per kind on the labelled corpus, and throughput on
 * about 50 MB of Chinese text (bodies built from a real annual report, with the corpus documents —
 * rosters, notices, decisions — mixed in), one `scanText` call per document as the review does it.
 * MB are UTF-8 megabytes (2^20 bytes), three bytes to a Chinese character.
 */
import { evaluate } from '../../shared/domain/scanner/evaluate.js';
import { scanText } from '../../shared/domain/scanner/index.js';
import { FINDING_KINDS } from '../../shared/domain/scanner/types.js';
import { CORPUS_OPTIONS, SCANNER_CORPUS } from '../fixtures/scanner-corpus.js';
import { generateItem, rng } from './corpus.js';
import { mb, row } from './stats.js';

const TARGET_BYTES = 50 * 1024 * 1024;

interface TextSet {
  label: string;
  documents: string[];
  bytes: number;
}

function textSet(label: string, next: (i: number) => string, bytes = TARGET_BYTES): TextSet {
  const documents: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = next(i);
    documents.push(text);
    size += Buffer.byteLength(text);
  }
  return { label, documents, bytes: size };
}

/** Median of three timed passes, after one untimed pass to warm the JIT. */
function measure(documents: readonly string[]): { seconds: number; findings: number } {
  const pass = () => {
    let findings = 0;
    const start = performance.now();
    for (const text of documents) findings += scanText(text, CORPUS_OPTIONS).length;
    return { seconds: (performance.now() - start) / 1000, findings };
  };
  pass();
  const runs = [pass(), pass(), pass()].sort((a, b) => a.seconds - b.seconds);
  return runs[1]!;
}

export async function benchScanner(): Promise<string[]> {
  const lines: string[] = [];
  const labels = SCANNER_CORPUS.flatMap((d) => d.expected);
  const decoys = SCANNER_CORPUS.reduce((n, d) => n + d.decoys.length, 0);
  const corpusBytes = SCANNER_CORPUS.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  lines.push(
    `Labelled corpus (tests/fixtures/scanner-corpus.ts): ${SCANNER_CORPUS.length} documents, ${(corpusBytes / 1024).toFixed(0)} KB, ` +
      `${labels.length} labelled findings, ${decoys} decoys. A detection counts only with the labelled kind and exact span.`,
  );
  lines.push('');
  lines.push(row(['kind', 'labelled', 'tp', 'fp', 'fn', 'precision', 'recall']));
  lines.push(row(['---', '---', '---', '---', '---', '---', '---']));
  const result = evaluate(SCANNER_CORPUS, CORPUS_OPTIONS);
  for (const kind of FINDING_KINDS) {
    const s = result[kind];
    lines.push(row([kind, labels.filter((l) => l.kind === kind).length, s.tp, s.fp, s.fn, s.precision.toFixed(3), s.recall.toFixed(3)]));
  }
  lines.push('');

  const random = rng(20260302);
  const prose = (i: number) => generateItem(random, i, 2000 + Math.floor(random() * 18000)).bodyText;
  // Two corpus documents to one prose body, about a fifth of the bytes: far more personal data
  // than published pages carry.
  let corpusShare = 0;
  const mixed = (i: number) => {
    if (i % 3 === 2) return prose(i);
    const text = SCANNER_CORPUS[i % SCANNER_CORPUS.length]!.text;
    corpusShare += Buffer.byteLength(text);
    return text;
  };
  // Each set is built just before it is measured and dropped after, so the heap stays small.
  const sets: (() => TextSet)[] = [
    () => {
      const set = textSet('mixed', mixed);
      set.label = `mixed: ${Math.round((corpusShare / set.bytes) * 100)}% corpus documents, the rest report prose`;
      return set;
    },
    () => textSet('corpus documents only (rosters, PII-dense)', (i) => SCANNER_CORPUS[i % SCANNER_CORPUS.length]!.text),
    () => textSet('report prose only', prose),
    () => {
      const joined = textSet('', mixed).documents.join('\n');
      return { label: 'mixed, as one 50 MB string', documents: [joined], bytes: Buffer.byteLength(joined) };
    },
  ];

  lines.push(row(['text (one scanText call per document)', 'MB', 'documents', 'MB/s', 'findings per MB', 'target MB/s']));
  lines.push(row(['---', '---', '---', '---', '---', '---']));
  for (const build of sets) {
    const set = build();
    const { seconds, findings } = measure(set.documents);
    const megabytes = set.bytes / 1024 / 1024;
    lines.push(row([set.label, mb(set.bytes), set.documents.length.toLocaleString('en'), (megabytes / seconds).toFixed(0), (findings / megabytes).toFixed(0), '50']));
  }
  return lines;
}
