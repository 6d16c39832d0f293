import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MASKING,
  ID_CARD_MASKS,
  maskFinding,
  maskName,
  maskText,
  resolveOverlaps,
  scanText,
  type Finding,
  type FindingKind,
  type ScanOptions,
  type Severity,
} from '../../shared/domain/scanner/index.js';
import { evaluate } from '../../shared/domain/scanner/evaluate.js';
import { CORPUS_OPTIONS, SCANNER_CORPUS } from '../fixtures/scanner-corpus.js';

const OPTIONS: ScanOptions = { referenceYear: 2026, ownPhoneNumbers: ['0759-8812886'], sensitiveWords: ['某某群体性事件', '某某'] };
type Row = [FindingKind, string, Severity];
const found = (text: string, options = OPTIONS): Row[] => scanText(text, options).map((f) => [f.kind, f.text, f.severity]);

// Check digits worked out by hand from GB 11643 / Luhn; 11010519491231002X is the standard's own example.
const ID = '440882199003071236';
const ID_X = '44088219850612004X';
const ID_LUHN = '440882199003071009'; // a valid ID that happens to pass Luhn as well
const ID_AND_CODE = '110105195001011154'; // valid as an ID and as an all-digit 统一社会信用代码
const CARD = '6228480402564890018';

describe('scanText: id_card', () => {
  it.each<[string, string, string]>([
    ['the GB 11643 example', '11010519491231002X', '11010519491231002X'],
    ['bare', ID, ID],
    ['between Chinese characters', `户主陈文明${ID}男`, ID],
    ['check character X', `身份证号：${ID_X}。`, ID_X],
    ['lower-case x', `身份证号：${ID_X.toLowerCase()}。`, ID_X.toLowerCase()],
    ['6-8-4 with spaces', `公民身份号码 440882 19900307 1236`, '440882 19900307 1236'],
    ['full-width digits', '身份证号：４４０８８２１９９００３０７１２３６', '４４０８８２１９９００３０７１２３６'],
    ['leap day', '440803195602290015', '440803195602290015'],
    ['15-digit legacy form after 身份证', '身份证号（一代证）：440882580302123', '440882580302123'],
    ['残疾人证号: the ID with category and grade', `残疾人证号：${ID}42`, `${ID}42`],
    ['a Luhn-valid ID is an ID, not a card', `银行卡号：${ID_LUHN}`, ID_LUHN],
  ])('finds %s', (_label, text, expected) => {
    expect(found(text)).toEqual([['id_card', expected, 'block']]);
  });

  it.each<[string, string]>([
    ['wrong check digit', '440882199003071237'],
    ['17 digits', '44088219900307123'],
    ['19 digits', '4408821990030712360'],
    ['glued to a letter', 'A440882199003071236'],
    ['13th month', '440882199013071233'],
    ['30 February', '440882199002300017'],
    ['born before 1900', '440524188001010014'],
    ['born after the reference year', '440882202703071230'],
    ['no such province', '990882199003071231'],
    ['15 digits without a context word (a 许可证号 shape)', '许可证号440882580302123'],
    ['masked', '440882********1236'],
    ['masked, 永安 form', '44*************236'],
    ['残疾人证号 shape without its context', `编号${ID}42`],
  ])('ignores %s', (_label, text) => {
    expect(found(text).filter(([kind]) => kind === 'id_card')).toEqual([]);
  });

  it('takes the reference year from the options, not the clock', () => {
    expect(found('440882202503071236', { referenceYear: 2024 })).toEqual([]);
  });

  it('explains itself', () => {
    const [f] = scanText(`身份证号：${ID}`, OPTIONS);
    expect(f?.explanation).toBe('GB 11643 check digit valid; birth date 1990-03-07; region 44 (Guangdong); context word 身份证 +0.1');
    expect(f?.score).toBe(0.95);
  });
});

describe('scanText: mobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['电话13812345678联系', '13812345678'],
    ['手机：138-1234-5678。', '138-1234-5678'],
    ['手机：138 1234 5678。', '138 1234 5678'],
    ['+86 13812345678', '+86 13812345678'],
    ['+86-13812345678', '+86-13812345678'],
    ['+8613812345678', '+8613812345678'],
    ['0086 13812345678', '0086 13812345678'],
    ['8613812345678', '8613812345678'],
    ['联系方式：（19912345678）', '19912345678'],
    ['手机：１３８１２３４５６７８', '１３８１２３４５６７８'],
    ['手机：138—1234—5678', '138—1234—5678'],
  ])('finds %s', (text, expected) => {
    expect(found(text)).toEqual([['mobile', expected, 'block']]);
  });

  it.each([
    ['starts with 12', '12345678901'],
    ['starts with 11', '11012345678'],
    ['starts with 10', '10012345678'],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['inside a longer number', '订单13812345678001'],
    ['an amount', '下达资金15000000000元'],
    ['a head count', '户籍人口13800000000人'],
    ['a decimal', '13812345678.5'],
    ['masked', '138****5678'],
    ['the unit published it', '值班手机13812345678'],
  ])('ignores %s', (_label, text) => {
    const options = { ...OPTIONS, ownPhoneNumbers: ['0759-8812886', '138 1234 5678'] };
    expect(found(text, options).filter(([kind]) => kind === 'mobile')).toEqual([]);
  });

  it('leaves a QQ mailbox to the e-mail recogniser', () => {
    expect(found('邮箱13812345678@qq.com。')).toEqual([['email', '13812345678@qq.com', 'warn']]);
  });
});

describe('scanText: landline', () => {
  it.each<[string, string, Severity]>([
    ['座机0759-3321234', '0759-3321234', 'warn'],
    ['广州联络处：020-83123456', '020-83123456', 'warn'],
    ['北京办事处：010-6512 3456', '010-6512 3456', 'warn'],
    ['村卫生站07593321234', '07593321234', 'warn'],
    ['（0759）3321234', '（0759）3321234', 'warn'],
    ['0759-3321234转801', '0759-3321234转801', 'warn'],
    ['0759-3321234-801', '0759-3321234-801', 'warn'],
    ['Word’s dash: 0759–3321234', '0759–3321234', 'warn'],
    ['联系电话：0759-3321234', '0759-3321234', 'info'],
    ['监督电话：0759-3321234', '0759-3321234', 'info'],
    ['传真：0759-3321234', '0759-3321234', 'info'],
    ['举报电话：(0759)3321234。', '(0759)3321234', 'info'],
    ['咨询电话（工作日）：0759-3321234', '0759-3321234', 'info'],
  ])('finds %s', (text, expected, severity) => {
    expect(found(text)).toEqual([['landline', expected, severity]]);
  });

  it.each([
    ['the unit’s own number', '联系电话：0759-8812886'],
    ['the unit’s own number, spaced', '0759 8812886'],
    ['the unit’s own number, in parentheses', '(0759)8812886'],
    ['the unit’s own number, full-width', '（０７５９）８８１２８８６'],
    ['a local number starting with 1', '0759-1234567'],
    ['a 400 number', '400-830-1234'],
    ['a hotline', '12345'],
    ['a date', '2026-03-02'],
    ['a postcode', '524200'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('scanText: bank_card', () => {
  it.each<[string, string]>([
    [CARD, CARD],
    [`工资卡${CARD}。`, CARD],
    ['6222 0212 3456 7890 128', '6222 0212 3456 7890 128'],
    ['6222-0212-3456-7890-128', '6222-0212-3456-7890-128'],
    ['4367420012345673', '4367420012345673'],
    ['６２２８４８０４０２５６４８９００１８', '６２２８４８０４０２５６４８９００１８'],
    ['开户行：雷州农商银行，账号80020000000000000001', '80020000000000000001'], // passbook: no Luhn, context
    ['卡号1234567890123452', '1234567890123452'], // no known issuer, but the word says it
  ])('finds %s', (text, expected) => {
    expect(found(text)).toEqual([['bank_card', expected, 'block']]);
  });

  it.each([
    ['Luhn invalid, no context', '6228480402564890017'],
    ['Luhn valid, no issuer prefix, no context', '1234567890123452'],
    ['an order number', `订单号：${CARD}`],
    ['a serial number', `交易流水号 ${CARD}`],
    ['an amount', `${CARD}元`],
    ['masked', '622848*********0018'],
    ['an ID with a wrong check digit that passes Luhn', '440882199003071058'],
    ['a 17-digit 档案号', '44088219900307123'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('scanText: email', () => {
  it.each<[string, string, Severity]>([
    ['邮箱zhangsan@qq.com。', 'zhangsan@qq.com', 'warn'],
    ['Email: Zhang.San-01@Outlook.COM', 'Zhang.San-01@Outlook.COM', 'warn'],
    ['报送至lz_office@company.com.cn', 'lz_office@company.com.cn', 'warn'],
    ['电子邮箱：lzzfb@leizhou.gov.cn。', 'lzzfb@leizhou.gov.cn', 'info'],
    ['lzmzj@zj.gov.cn', 'lzmzj@zj.gov.cn', 'info'],
  ])('finds %s', (text, expected, severity) => {
    expect(found(text)).toEqual([['email', expected, severity]]);
  });

  it('says why', () => {
    expect(scanText('zhangsan@qq.com', OPTIONS)[0]?.explanation).toBe('domain qq.com: personal webmail');
  });

  it.each(['http://www.leizhou.gov.cn', '@雷州发布', 'a@b', 'user@localhost'])('ignores %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('scanText: passport', () => {
  it.each([
    ['护照号码：E12345678', 'E12345678'],
    ['护照号码EA1234567', 'EA1234567'],
    ['护照G12345678。', 'G12345678'],
    ['E87654321', 'E87654321'], // the exact format alone
    ['往来港澳通行证号码：C12345678', 'C12345678'],
    ['港澳居民来往内地通行证：H12345678', 'H12345678'],
  ])('finds %s', (text, expected) => {
    expect(found(text)).toEqual([['passport', expected, 'warn']]);
  });

  it.each([
    ['C without context', 'C12345678'],
    ['a dated batch', 'G20260302'],
    ['a model number', '设备型号E12345678'],
    ['a product code', '产品编号G12345678'],
    ['seven digits', 'E1234567'],
    ['a train', 'G1234次'],
    ['glued to a letter', 'GE12345678'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('scanText: license_plate', () => {
  it.each([
    ['车牌号为粤G12345的货车', '粤G12345'],
    ['粤GD12345', '粤GD12345'],
    ['粤G12345F', '粤G12345F'],
    ['粤G·12345', '粤G·12345'],
    ['粤GA1234', '粤GA1234'],
    ['桂A12345', '桂A12345'],
  ])('finds %s', (text, expected) => {
    expect(found(text)).toEqual([['license_plate', expected, 'warn']]);
  });

  it.each([
    ['four characters', '粤G1234'],
    ['no province', '车号G12345'],
    ['letters only', '粤GABCDE'],
    ['lower case', '粤g12345'],
    ['a letter O', '粤O12345'],
    ['seven characters', '粤G1234567'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('scanText: address', () => {
  it.each<[string, string, Severity]>([
    ['住址：雷州市雷城街道西湖大道123号3栋501室', '西湖大道123号3栋501室', 'warn'],
    ['家住附城镇某某村委会某某村45号。', '某某村委会某某村45号', 'warn'],
    ['通讯地址：湛江市霞山区幸福小区5栋2单元301房', '幸福小区5栋2单元301房', 'warn'],
    ['雷州市西湖街道镇中路12号', '镇中路12号', 'warn'],
    ['雷州市市场路8号', '市场路8号', 'warn'],
    ['附城镇南田村3巷25号', '南田村3巷25号', 'warn'],
    ['住所：雷州市雷城街道新城大道88-2号', '新城大道88-2号', 'warn'],
    ['会议地点：雷州市西湖大道1号市政府三楼', '西湖大道1号', 'info'],
  ])('finds %s', (text, expected, severity) => {
    expect(found(text)).toEqual([['address', expected, severity]]);
  });

  it.each([
    ['a city', '雷州市'],
    ['a town (the allowed form)', '家庭住址：雷州市附城镇'],
    ['a village without a number', '附城镇南田村委会南田村'],
    ['a 文号', '雷府办〔2026〕3号'],
    ['an order', '国务院令第711号'],
    ['an issue number', '2026年第3号公告'],
    ['a date', '3月3号上午'],
    ['a floor only', '综合楼3楼'],
    ['a building of the government', '市政府3号楼'],
    ['a count', '全市建成文化广场3个'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('scanText: credit_code', () => {
  it.each([
    ['统一社会信用代码：91440882MA4W5R2T43', '91440882MA4W5R2T43'],
    ['索引号：11441700007280420Y/2026-00001', '11441700007280420Y'],
    ['91440882MA55C3K1X9', '91440882MA55C3K1X9'],
  ])('finds %s as info', (text, expected) => {
    expect(found(text)).toEqual([['credit_code', expected, 'info']]);
  });

  it.each(['11441700007280420X', '91440882MA4W5R2T44', '11441700007280420'])('ignores %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('scanText: secret_mark', () => {
  it.each<[string, string, Severity]>([
    ['机密★1年', '机密★1年', 'block'],
    ['秘密★5年', '秘密★5年', 'block'],
    ['绝密★长期', '绝密★长期', 'block'],
    ['机密 ★ 10年', '机密 ★ 10年', 'block'],
    ['秘密★', '秘密★', 'block'],
    ['密级：秘密', '密级：秘密', 'block'],
    ['（内部资料）', '内部资料', 'block'],
    ['本件为内部文件', '内部文件', 'block'],
    ['请注意保密', '注意保密', 'block'],
    ['此件不得外传', '不得外传', 'block'],
    ['本文件含工作秘密，严禁上传', '工作秘密', 'block'],
    ['《中华人民共和国保守国家秘密法》', '国家秘密', 'info'],
  ])('finds %s', (text, expected, severity) => {
    expect(found(text)).toEqual([['secret_mark', expected, severity]]);
  });

  it('reads the law’s list of secrets as prose', () => {
    expect(found('不得泄露国家秘密、工作秘密、商业秘密和个人隐私')).toEqual([
      ['secret_mark', '国家秘密', 'info'],
      ['secret_mark', '工作秘密', 'info'],
    ]);
  });

  it.each([
    ['条例第十五条', '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。'],
    ['the levels named in prose', '密级分为绝密、机密、秘密三级'],
    ['a place name', '秘密花园景区'],
    ['information security', '保障信息的机密性、完整性'],
    ['stars for a rating', '★★★★ 四星级农家乐'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('scanText: process_info and sensitive_word', () => {
  it.each(['征求意见稿', '讨论稿', '送审稿', '请示', '会议纪要', '内部讨论', '初稿'])('flags %s as warn', (word) => {
    expect(found(`（${word}）`)).toEqual([['process_info', word, 'warn']]);
  });

  it('scores the title form 关于…的请示 higher', () => {
    expect(scanText('关于拨付春耕资金的请示', OPTIONS)[0]?.score).toBe(0.8);
    expect(scanText('请示报告制度', OPTIONS)[0]?.score).toBe(0.5);
  });

  it('finds the listed words, longest first', () => {
    expect(found('某某群体性事件处置中某某单位')).toEqual([
      ['sensitive_word', '某某群体性事件', 'warn'],
      ['sensitive_word', '某某', 'warn'],
    ]);
    expect(found('某某群体性事件', { referenceYear: 2026 })).toEqual([]);
    expect(found('a.b(c)', { referenceYear: 2026, sensitiveWords: ['.', '(c)', ''] })).toEqual([
      ['sensitive_word', '.', 'warn'],
      ['sensitive_word', '(c)', 'warn'],
    ]);
  });
});

describe('overlaps', () => {
  it('takes an all-digit code that is also a valid ID for the ID, unless the context says code', () => {
    expect(found(ID_AND_CODE)).toEqual([['id_card', ID_AND_CODE, 'block']]);
    expect(found(`统一社会信用代码：${ID_AND_CODE}`)).toEqual([['credit_code', ID_AND_CODE, 'info']]);
  });

  const f = (kind: FindingKind, start: number, end: number, severity: Severity, score: number): Finding => ({
    kind,
    text: 'x'.repeat(end - start),
    start,
    end,
    severity,
    score,
    explanation: '',
  });

  it.each<[string, Finding[], FindingKind[]]>([
    ['credit_code beats id_card', [f('id_card', 0, 18, 'block', 0.95), f('credit_code', 0, 18, 'info', 0.9)], ['credit_code']],
    ['id_card beats bank_card', [f('bank_card', 0, 18, 'block', 0.9), f('id_card', 0, 18, 'block', 0.85)], ['id_card']],
    ['higher severity wins', [f('email', 0, 20, 'warn', 0.9), f('mobile', 0, 11, 'block', 0.75)], ['mobile']],
    ['then the higher score', [f('address', 5, 15, 'warn', 0.65), f('sensitive_word', 10, 20, 'warn', 0.6)], ['address']],
    ['disjoint findings all stay, sorted', [f('mobile', 30, 41, 'block', 0.75), f('email', 0, 10, 'warn', 0.9), f('id_card', 12, 30, 'block', 0.85)], ['email', 'id_card', 'mobile']],
    ['a loser of one overlap does not hide a third finding', [f('mobile', 0, 11, 'block', 0.75), f('address', 8, 20, 'warn', 0.65), f('email', 15, 30, 'warn', 0.9)], ['mobile', 'email']],
  ])('%s', (_label, input, kinds) => {
    expect(resolveOverlaps(input).map((x) => x.kind)).toEqual(kinds);
  });

  it('resolves a long chain of overlaps in linear time', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => f('address', i * 3, i * 3 + 4, 'warn', 0.65));
    const start = performance.now();
    expect(resolveOverlaps(chain)).toHaveLength(50_000);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe('masking', () => {
  const finding = (kind: FindingKind, text: string): Finding => ({ kind, text, start: 0, end: text.length, severity: 'block', score: 1, explanation: '' });

  it.each<[FindingKind, string, string]>([
    ['id_card', '11010519491231002X', '110105********002X'],
    ['id_card', '440882580302123', '440882*****2123'],
    ['mobile', '13812345678', '138****5678'],
    ['mobile', '+86 138-1234-5678', '+86 138-****-5678'],
    ['bank_card', CARD, '622848*********0018'],
    ['bank_card', '6222 0212 3456 7890 128', '6222 02** **** ***0 128'],
    ['landline', '0759-3321234', '0759-****234'],
    ['landline', '010-6512 3456', '010-**** *456'],
    ['passport', 'E12345678', 'E*****678'],
    ['email', 'zhangsan@qq.com', 'z*******@qq.com'],
    ['license_plate', '粤GD12345', '粤G******'],
    ['address', '西湖大道123号3栋501室', '**************'],
  ])('%s %s → %s', (kind, text, expected) => {
    const masked = maskFinding(finding(kind, text));
    expect(masked).toBe(expected);
    expect(masked).toHaveLength(text.length);
  });

  it('masks IDs in the 永安 form when chosen', () => {
    const policy = { ...DEFAULT_MASKING, id_card: ID_CARD_MASKS.yongan };
    expect(maskFinding(finding('id_card', '350421197801011232'), policy)).toBe('35*************232');
  });

  it('has no rule for markings, process information or codes', () => {
    for (const kind of ['secret_mark', 'process_info', 'sensitive_word', 'credit_code'] as const) expect(maskFinding(finding(kind, '机密★1年'))).toBeNull();
  });

  it.each([
    ['张三', '张*'],
    ['王小明', '王*明'],
    ['欧阳娜娜', '欧**娜'],
    ['李', '李'],
  ])('maskName(%s) → %s', (name, expected) => {
    expect(maskName(name)).toBe(expected);
  });

  it('removes the digits for real, keeps the length, and leaves nothing blockable', () => {
    const text = `${'机密★1年'}\n1\t陈文明\t${ID}\t13812345678\t${CARD}\t雷城街道西湖大道123号3栋501室\n联系电话：0759-3321234，邮箱zhangsan@qq.com`;
    const findings = scanText(text, OPTIONS);
    const result = maskText(text, findings, DEFAULT_MASKING, [{ start: text.indexOf('陈文明'), end: text.indexOf('陈文明') + 3 }]);
    expect(result.text).toBe(`机密★1年\n1\t陈*明\t440882********1236\t138****5678\t622848*********0018\t雷城街道**************\n联系电话：0759-3321234，邮箱z*******@qq.com`);
    expect(result.text).toHaveLength(text.length);
    expect(result.unmasked.map((x) => x.kind)).toEqual(['secret_mark']);
    expect(result.masked.map((x) => x.kind)).toEqual(['id_card', 'mobile', 'bank_card', 'address', 'email']);
    for (const secret of [ID, '13812345678', CARD, '0307123']) expect(result.text).not.toContain(secret);
    expect(scanText(result.text, OPTIONS).filter((x) => x.severity !== 'info').map((x) => x.kind)).toEqual(['secret_mark']);
  });

  it('leaves nothing blockable in any corpus document but the markings', () => {
    for (const doc of SCANNER_CORPUS) {
      const masked = maskText(doc.text, scanText(doc.text, CORPUS_OPTIONS));
      const left = scanText(masked.text, CORPUS_OPTIONS).filter((x) => x.severity === 'block');
      expect(left.map((x) => x.kind).filter((k) => k !== 'secret_mark'), doc.name).toEqual([]);
      expect(masked.text).toHaveLength(doc.text.length);
    }
  });

  it('skips a finding whose offsets no longer fit the text', () => {
    const stale: Finding = { ...finding('mobile', '13812345678'), start: 3, end: 14 };
    expect(maskText('电话：13912345678', [stale])).toEqual({ text: '电话：13912345678', masked: [], unmasked: [stale] });
  });
});

describe('evaluate', () => {
  it('counts exact-span detections, misses, false alarms and wrong severities per kind', () => {
    const text = `电话13812345678，身份证${ID}，座机0759-3321234`;
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
    const result = evaluate(
      [
        {
          name: 'sample',
          text,
          expected: [
            { kind: 'mobile', ...at('13812345678'), severity: 'block' },
            { kind: 'id_card', ...at(ID.slice(0, 17)), severity: 'block' }, // a wrong span: one miss, one false alarm
            { kind: 'landline', ...at('0759-3321234'), severity: 'info' }, // found, but as warn
          ],
          decoys: [],
        },
      ],
      OPTIONS,
    );
    expect(result.mobile).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(result.id_card).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
    expect(result.landline).toMatchObject({ tp: 1, severityErrors: 1 });
    expect(result.email).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
  });
});

describe('the labelled corpus', () => {
  const labels = SCANNER_CORPUS.flatMap((d) => d.expected);
  const count = (kind: FindingKind) => labels.filter((l) => l.kind === kind).length;

  it('is big enough to mean something', () => {
    expect(labels.length).toBeGreaterThanOrEqual(300);
    expect(SCANNER_CORPUS.flatMap((d) => d.decoys).length).toBeGreaterThanOrEqual(300);
    for (const kind of ['id_card', 'mobile', 'bank_card'] as const) expect(count(kind)).toBeGreaterThanOrEqual(60);
    for (const doc of SCANNER_CORPUS) for (const s of [...doc.expected, ...doc.decoys]) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  });

  const result = evaluate(SCANNER_CORPUS, CORPUS_OPTIONS);
  it.each(['id_card', 'mobile', 'bank_card'] as const)('%s: recall ≥ 0.99 and precision ≥ 0.95', (kind) => {
    const score = result[kind];
    expect(score.recall, score.errors.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(score.precision, score.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('every other kind: precision and recall ≥ 0.9, severities as labelled', () => {
    for (const [kind, score] of Object.entries(result)) {
      expect(Math.min(score.precision, score.recall), `${kind}\n${score.errors.join('\n')}`).toBeGreaterThanOrEqual(0.9);
      expect(score.severityErrors, `${kind}\n${score.errors.join('\n')}`).toBe(0);
    }
  });
});

describe('pathological input', () => {
  it.each([
    ['digits and spaces', '1 '.repeat(200_000)],
    ['one long digit run', '6'.repeat(400_000)],
    ['at-signs and dots', 'a.'.repeat(100_000) + '@' + 'b.'.repeat(100_000)],
    ['numbers before 号', '路1号'.repeat(100_000)],
    ['hyphens', '0759-'.repeat(80_000)],
  ])('scans %s in linear time', (_label, text) => {
    const start = performance.now();
    scanText(text, OPTIONS);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
