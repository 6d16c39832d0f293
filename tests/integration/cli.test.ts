import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/backend.js';
import { validIdNumber } from '../support/identity.js';

const BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
let dataDir: string;

/** Runs the installed command the way IT staff would, in zh-CN unless told otherwise. */
function gongkai(args: string[], stdin = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], {
    input: stdin,
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_LANG: 'zh-CN', ...env },
  });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL('../../dist/electron/cli.js', import.meta.url)))) throw new Error('run npm run build first');
  dataDir = tempDir('gongkai-cli-');
});

describe('gongkai', () => {
  it('adds, lists and disables users, reading the password from stdin', () => {
    expect(gongkai(['users', 'add', 'admin', '--roles', 'admin,officer', '--name', '王管理'], 'Admin12345\n')).toEqual({
      code: 0,
      out: 'added admin [admin, officer]',
      err: '',
    });
    gongkai(['users', 'add', 'xiaoli', '--roles', 'officer'], 'Passw0rd!\n');
    expect(gongkai(['users', 'list']).out.split('\n')).toEqual(['admin\t王管理\tadmin,officer\tenabled', 'xiaoli\txiaoli\tofficer\tenabled']);
    expect(gongkai(['users', 'disable', 'xiaoli'])).toMatchObject({ code: 0, out: 'disabled xiaoli' });
    expect(gongkai(['users', 'list']).out).toContain('xiaoli\txiaoli\tofficer\tdisabled');
  });

  it.each([
    [['users', 'add', 'bob', '--roles', 'boss'], '', 2, 'gongkai: unknown role: boss (officer, reviewer, approver, admin) (see gongkai --help)'],
    [['users', 'add', 'bob'], '', 2, 'gongkai: --roles is required (officer, reviewer, approver, admin) (see gongkai --help)'],
    [['users', 'add', 'bob', '--roles', 'officer'], 'short\n', 1, 'gongkai: 输入有误，请检查：password'],
    [['users', 'add', 'bob', '--roles', 'officer'], 'abcdefghij\n', 1, 'gongkai: 密码至少 8 位，且须同时包含字母和数字。'],
    [['users', 'disable', 'nobody'], '', 1, 'gongkai: 找不到该用户。'],
    [['frobnicate'], '', 2, 'gongkai: unknown command: frobnicate (see gongkai --help)'],
    [['serve', '--port', 'http'], '', 2, 'gongkai: invalid --port: http (see gongkai --help)'],
    [['calendar', 'add-workdays', '2026-02-30', '20'], '', 2, 'gongkai: invalid date: 2026-02-30 (YYYY-MM-DD) (see gongkai --help)'],
    [['calendar', 'add-workdays', '2026-09-30', 'x'], '', 2, 'gongkai: invalid number of working days: x (see gongkai --help)'],
    [['users', 'list', '--colour'], '', 2, null],
  ])('refuses %j with one line and exit code %i', (args, stdin, code, message) => {
    const result = gongkai(args as string[], stdin as string);
    expect(result.code).toBe(code);
    expect(result.err.split('\n')).toHaveLength(1);
    if (message) expect(result.err).toBe(message);
  });

  it('checks and backs up the database, refusing to overwrite', () => {
    expect(gongkai(['db', 'check'])).toMatchObject({ code: 0, out: `ok: ${join(dataDir, 'gongkai.db')}` });
    const target = join(tempDir(), 'backup.db');
    expect(gongkai(['db', 'backup', target]).out).toMatch(new RegExp(`^${target} \\(\\d+ bytes\\)$`));
    expect(gongkai(['db', 'backup', target])).toMatchObject({ code: 1, err: `gongkai: 目标文件已存在：${target}` });
  });

  it('refuses a damaged database with one clear line', () => {
    const broken = tempDir();
    writeFileSync(join(broken, 'gongkai.db'), 'not a database');
    const result = spawnSync(process.execPath, [BIN, 'db', 'check', '--data-dir', broken], { encoding: 'utf8', env: { ...process.env, GONGKAI_LANG: 'en' } });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^gongkai: The database file is damaged \(.+\)\. Restore from a backup or contact IT staff\.$/);
  });

  it.each([
    // National Day 2026: 10-01..10-07 off, Saturday 10-10 worked (调休). From Wednesday 09-30:
    // 10-08, 10-09, 10-10 are working days 1–3; days 4–18 run Monday 10-12 to Friday 10-30;
    // 19 and 20 are Monday 11-02 and Tuesday 11-03.
    [['calendar', 'add-workdays', '2026-09-30', '20'], '2026-11-03'],
    [['calendar', 'add-workdays', '2026-09-30', '3'], '2026-10-10'],
    [['calendar', 'is-workday', '2026-10-10'], 'workday (makeup_workday 国庆节)'],
    [['calendar', 'is-workday', '2026-10-05'], 'not a workday (holiday 国庆节)'],
    // No schedule for 2027 is loaded yet: the answer says so instead of guessing
    [['calendar', 'add-workdays', '2026-12-25', '20'], /^2027-01-\d\d provisional$/],
    [['calendar', 'is-workday', '2027-02-08'], 'workday (weekday) provisional'],
  ])('answers %j', (args, expected) => {
    const { code, out } = gongkai(args as string[]);
    expect(code).toBe(0);
    if (typeof expected === 'string') expect(out).toBe(expected);
    else expect(out).toMatch(expected);
  });

  it('prints JSON for scripts', () => {
    expect(JSON.parse(gongkai(['calendar', 'add-workdays', '2026-09-30', '20', '--json']).out)).toEqual({ due: '2026-11-03', provisional: false });
    expect(JSON.parse(gongkai(['calendar', 'is-workday', '2026-10-10', '--json']).out)).toMatchObject({ workday: true, kind: 'makeup_workday' });
  });
});

describe('gongkai scan', () => {
  it('prints the findings as JSON with kind, severity, score, location and explanation, and exits 1 on a blocking one', () => {
    const dir = tempDir();
    const list = join(dir, '低保名单.csv');
    const ID = validIdNumber('44088219850312123');
    writeFileSync(list, `姓名,身份证号,电话\n张三,${ID},13912345678\n`);
    const office = join(dir, '通知.txt');
    writeFileSync(office, '咨询电话：0759-8812886。\n');
    const result = spawnSync(process.execPath, [BIN, 'scan', '--json', list, office], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { files: { file: string; findings: { kind: string; text: string; severity: string; score: number; location: string; explanation: string }[] }[] };
    expect(report.files.map((f) => f.file)).toEqual([list, office]);
    expect(report.files[0]!.findings.map((f) => [f.kind, f.text, f.severity])).toEqual([
      ['id_card', ID, 'block'],
      ['mobile', '13912345678', 'block'],
    ]);
    expect(report.files[0]!.findings[0]).toMatchObject({ location: 'text, line 2', explanation: expect.stringContaining('check digit') });
    expect(report.files[1]!.findings).toEqual([expect.objectContaining({ kind: 'landline', severity: 'info' })]);
    const clean = spawnSync(process.execPath, [BIN, 'scan', office], { encoding: 'utf8' });
    expect(clean.status).toBe(0);
  });
});
