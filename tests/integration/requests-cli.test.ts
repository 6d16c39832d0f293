import { beforeAll, describe, expect, it } from 'vitest';
import { makeBackend, tempDir } from '../support/backend.js';
import { gongkai, requireBuiltCli } from '../support/cli.js';

beforeAll(requireBuiltCli);

describe('gongkai fee', () => {
  it('prints the progressive 按件 fee with its bands', () => {
    expect(gongkai(['fee', '--items', '41'])).toEqual({
      code: 0,
      out: ['4300 元 (按件计收 41 件)', '  1–10 件: 10 × 0 元 = 0 元', '  11–30 件: 20 × 100 元 = 2000 元', '  31–40 件: 10 × 200 元 = 2000 元', '  41–41 件: 1 × 300 元 = 300 元'].join('\n'),
      err: '',
    });
  });

  it('prints JSON for scripts (the scales themselves are table-tested in tests/unit/processing-fee.test.ts)', () => {
    expect(JSON.parse(gongkai(['fee', '--pages', '201', '--json']).out)).toMatchObject({ fee: 2740, standard: 'by_pages', quantity: 201 });
    expect(JSON.parse(gongkai(['fee', '--pages', '31', '--json']).out)).toEqual({
      fee: 10,
      standard: 'by_pages',
      quantity: 31,
      breakdown: [
        { from: 1, to: 30, count: 30, rate: 0, amount: 0 },
        { from: 31, to: 31, count: 1, rate: 10, amount: 10 },
      ],
    });
  });

  it.each([[['fee', '--items', '3', '--pages', '40']], [['fee']], [['fee', '--items', '2.5']], [['fee', '--pages=-1']], [['fee', '--items', 'abc']]])(
    'exits 2 on a usage error: %j',
    (args) => {
      const r = gongkai(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.split('\n')).toHaveLength(1);
    },
  );
});

describe('gongkai request due', () => {
  it('counts 20 working days across Spring Festival and its 调休 Saturdays with the built-in calendar', () => {
    expect(gongkai(['request', 'due', '2026-02-02'])).toEqual({ code: 0, out: '2026-03-06', err: '' });
    expect(JSON.parse(gongkai(['request', 'due', '2026-02-02', '--json']).out)).toEqual({ due: '2026-03-06', provisional: false, receivedOn: '2026-02-02', workdays: 20 });
  });

  it('explains each counted and skipped day across National Day', () => {
    const { code, out } = gongkai(['request', 'due', '2026-09-25', '--explain']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^received 2026-09-25; reply due 20 working days later: 2026-\d\d-\d\d$/);
    expect(lines.find((l) => l.startsWith('  2026-10-01'))).toMatch(/holiday 国庆节\tskipped/);
    expect(lines.filter((l) => /\tcounted \d+/.test(l))).toHaveLength(20);
    const json = JSON.parse(gongkai(['request', 'due', '2026-09-25', '--explain', '--json']).out) as { due: string; days: { date: string; counted: boolean }[] };
    expect(json.days.at(-1)).toMatchObject({ date: json.due, counted: true });
    expect(lines[0]!.endsWith(json.due)).toBe(true);
  });

  it('is provisional when the days run into a year without a schedule', () => {
    expect(JSON.parse(gongkai(['request', 'due', '2035-06-01', '--json']).out)).toMatchObject({ provisional: true });
    expect(gongkai(['request', 'due', '2035-06-01']).out).toMatch(/ provisional$/);
  });

  it('uses the data directory’s calendar when given', async () => {
    const dir = tempDir('gongkai-request-cli-');
    const t = makeBackend(dir);
    const admin = await t.setup();
    await t.ok('calendar.setDay', { date: '2026-03-04', kind: 'holiday', name: '临时休假' }, admin);
    t.backend.close();
    expect(gongkai(['request', 'due', '2026-02-02', '--data-dir', dir]).out).toBe('2026-03-09');
    expect(gongkai(['request', 'due', '2026-02-02']).out).toBe('2026-03-06');
  });

  it('exits 2 on a bad date', () => {
    expect(gongkai(['request', 'due', '2026-02-30'])).toMatchObject({ code: 2, out: '' });
    expect(gongkai(['request', 'due'])).toMatchObject({ code: 2 });
  });
});
