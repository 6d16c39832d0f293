import { describe, expect, it } from 'vitest';
import { indexTokens, matchExpression } from '../../electron/core/search/bigram-tokens.js';

describe('bigram search tokens', () => {
  it.each([
    ['政务公开', '政务 务公 公开 开'],
    ['雷府办〔2026〕3号', '雷府 府办 办 2026 3 号'],
    ['关于ＡＢＣ公司的Notice', '关于 于 abc 公司 司的 的 notice'],
    ['统', '统'],
    ['', ''],
    ['，。！', ''],
  ])('indexes %j as %j', (text, tokens) => {
    expect(indexTokens(text)).toBe(tokens);
  });

  it.each([
    ['政务公开', '"政务 务公 公开"'],
    ['公开', '"公开"'],
    ['统', '"统"*'],
    ['〔2026〕12号', '"2026"* AND "12"* AND "号"*'],
    ['安全 生产', '"安全" AND "生产"'],
    ['say "hi"', '"say"* AND "hi"*'],
    ['，。', null],
  ])('queries %j as %j', (query, expression) => {
    expect(matchExpression(query)).toBe(expression);
  });
});
