import { readFileSync } from 'node:fs';

/** Sentences from a real county-level annual report, recombined into realistic item bodies. */
const SENTENCES = readFileSync(new URL('../fixtures/leizhou-2018-annual-report.txt', import.meta.url), 'utf8')
  .split(/(?<=[。；！？])/)
  .map((s) => s.trim())
  .filter((s) => s.length > 8);

const UNITS = ['雷州市人民政府办公室', '雷州市财政局', '雷州市教育局', '雷州市农业农村局', '雷州市卫生健康局', '雷州市住房和城乡建设局', '雷城街道办事处', '附城镇人民政府'];
const SUBJECTS = ['春耕生产', '森林防火', '安全生产', '防汛防风', '义务教育', '医疗保障', '城乡环境整治', '农村饮水', '乡村振兴', '营商环境', '政务公开', '低保救助'];
const KINDS = ['通知', '公告', '实施方案', '工作要点', '意见', '办法', '报告'];

/** A deterministic pseudo-random sequence, so every run builds the same data. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export interface GeneratedItem {
  title: string;
  summary: string;
  unit: string;
  documentNumber: string;
  writtenDate: string;
  bodyHtml: string;
  bodyText: string;
}

/** About `bytes` of Chinese text (UTF-8) in paragraphs. */
export function generateItem(random: () => number, index: number, bytes = 3000): GeneratedItem {
  const unit = pick(random, UNITS);
  const subject = pick(random, SUBJECTS);
  const year = 2017 + Math.floor(random() * 10);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = Array.from({ length: 3 }, () => pick(random, SENTENCES)).join('');
    paragraphs.push(p);
    size += Buffer.byteLength(p);
  }
  return {
    title: `${unit}关于做好${year}年${subject}工作的${pick(random, KINDS)}`,
    summary: `部署${year}年${subject}相关工作。`,
    unit,
    documentNumber: random() < 0.4 ? `雷府办〔${year}〕${1 + (index % 300)}号` : '',
    writtenDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    bodyText: paragraphs.join('\n'),
  };
}
