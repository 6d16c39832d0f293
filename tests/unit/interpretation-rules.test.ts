import { describe, expect, it } from 'vitest';
import { copiedShare } from '../../shared/domain/interpretation-rules.js';

const DOCUMENT = `为进一步优化营商环境，激发市场主体活力，根据有关法律法规，结合本市实际，制定本办法。
第一条 本办法适用于本市行政区域内的市场主体登记、许可和监管活动。
第二条 市场监督管理部门应当推行企业开办全程网上办理，压缩开办时间至1个工作日以内。
第三条 各级政务服务中心应当设立综合窗口，实行一窗受理、集成服务。`;

const REAL_INTERPRETATION = `一、出台背景：近年来我市企业反映开办手续多、跑腿次数多。为回应群众关切，市政府起草了这份办法。
二、主要变化：过去开办一家企业平均需要5天，今后在网上提交材料后，当天即可领取营业执照。
三、惠企举措：政务服务大厅新设综合窗口，群众只需取一个号、交一套材料。`;

describe('copiedShare', () => {
  it('is near 1 for a pasted document and low for a real interpretation', () => {
    expect(copiedShare(DOCUMENT, DOCUMENT)).toBe(1);
    expect(copiedShare(`文件要点：${DOCUMENT.slice(0, 120)}`, DOCUMENT)).toBeGreaterThan(0.9);
    expect(copiedShare(REAL_INTERPRETATION, DOCUMENT)).toBeLessThan(0.1);
  });

  it('ignores punctuation, spacing and full-width forms', () => {
    const reformatted = DOCUMENT.replace(/[，。、]/g, ' ').replace(/1/g, '１');
    expect(copiedShare(reformatted, DOCUMENT)).toBe(1);
  });

  it.each([
    ['', DOCUMENT, 0],
    ['短文', DOCUMENT, 0],
    [REAL_INTERPRETATION, '', 0],
  ])('scores %j against a document as %d', (a, b, expected) => {
    expect(copiedShare(a, b)).toBe(expected);
  });
});
