import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { DEFAULT_INDEX_PATTERN, validateIndexPattern } from '../../../shared/domain/index-number.js';
import { getSetting, setSetting } from '../db/settings-repo.js';
import { record } from './audit-trail.js';

const KEY = 'catalogue';
/** The State Council's subject categories (国务院公文主题分类), which most catalogues use. */
const STATE_COUNCIL_TOPICS = [
  '综合政务',
  '国民经济管理、国有资产监管',
  '财政、金融、审计',
  '国土资源、能源',
  '农业、林业、水利',
  '工业、交通',
  '商贸、海关、旅游',
  '市场监管、安全生产监管',
  '城乡建设、环境保护',
  '科技、教育',
  '文化、广电、新闻出版',
  '卫生、体育',
  '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察',
  '公安、安全、司法',
  '民政、扶贫、救灾',
  '民族、宗教',
  '对外事务',
  '港澳台侨工作',
  '国防',
  '其他',
];

export const DEFAULT_CATALOGUE_SETTINGS = { indexPattern: DEFAULT_INDEX_PATTERN, maxAttachmentMb: 50, topics: STATE_COUNCIL_TOPICS };

export function catalogueSettings(ctx: Ctx): CommandOutput<'catalogue.settings'> {
  return { ...DEFAULT_CATALOGUE_SETTINGS, ...getSetting<Partial<CommandOutput<'catalogue.settings'>>>(ctx.db, KEY) };
}

export function settings(ctx: Ctx): CommandOutput<'catalogue.settings'> {
  return catalogueSettings(ctx);
}

export function updateSettings(ctx: Ctx, input: ParsedInput<'catalogue.updateSettings'>): CommandOutput<'catalogue.updateSettings'> {
  const problems = validateIndexPattern(input.indexPattern);
  if (problems.length) throw new AppError('catalogue.invalid_index_pattern', { problems: problems.join(', ') }, problems.map((code) => ({ code })));
  ctx.db.transaction(() => {
    setSetting(ctx.db, KEY, input);
    record(ctx, 'catalogue.updateSettings', { type: 'settings', id: KEY }, `${input.indexPattern}; ${input.maxAttachmentMb} MB; ${input.topics.length} topics`);
  })();
  return catalogueSettings(ctx);
}
