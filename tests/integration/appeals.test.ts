import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { table4Figures } from '../../electron/core/services/appeals.js';
import type { CommandInput } from '../../shared/contract.js';

let t: TestBackend;
let admin: string;
let officer: string;
let requestId: string;

beforeEach(async () => {
  t = makeBackend();
  admin = await t.setup();
  officer = (await t.userWith(admin, 'liwei', ['officer'])).session;
  const request = await t.ok(
    'requests.register',
    {
      channel: 'online',
      receiptFacts: { bothConfirmed: '2026-03-02' },
      applicantType: 'natural_person',
      applicant: { name: '王五', idNumber: '', phone: '13900139000', address: '', email: '' },
      subject: '某地块征收补偿方案',
      formWanted: 'paper',
      deliveryWanted: 'post',
      attachments: [],
    },
    officer,
  );
  requestId = request.id;
});
afterEach(() => t.close());

type Fields = CommandInput<'appeals.create'>;
const CASE = (changes: Partial<Fields> = {}): Fields => ({
  requestId,
  type: 'reconsideration',
  result: 'pending',
  filedOn: '2026-04-10',
  decidedOn: null,
  body: '湛江市人民政府',
  caseNumber: '湛府行复〔2026〕15号',
  note: '',
  ...changes,
});

describe('行政复议 / 行政诉讼 cases', () => {
  it('records a case against a request, decides it, lists it with the request, and audits both changes', async () => {
    const created = await t.ok('appeals.create', CASE(), officer);
    expect(created).toMatchObject({ requestId, requestNumber: '依申〔2026〕1号', requestSubject: '某地块征收补偿方案', result: 'pending', decidedOn: null });
    const decided = await t.ok('appeals.update', { ...CASE({ result: 'upheld', decidedOn: '2026-06-05', note: '维持原答复' }), id: created.id }, officer);
    expect(decided).toMatchObject({ id: created.id, result: 'upheld', decidedOn: '2026-06-05', note: '维持原答复' });
    const reviewer = (await t.userWith(admin, 'zhaoshen', ['reviewer'])).session;
    expect(await t.ok('appeals.list', { requestId }, reviewer)).toEqual([decided]);
    expect(await t.ok('appeals.list', {}, reviewer)).toEqual([decided]);
    expect((await t.fails('appeals.create', CASE(), reviewer)).code).toBe('auth.forbidden');
    const { entries } = await t.ok('audit.list', { limit: 10 }, admin);
    expect(entries.filter((e) => e.action.startsWith('appeals.')).map((e) => [e.action, e.targetId])).toEqual([
      ['appeals.update', created.id],
      ['appeals.create', created.id],
    ]);
  });

  it('needs a decision date exactly when the case is decided, not before the filing, and an existing request', async () => {
    expect(await t.fails('appeals.create', CASE({ result: 'corrected' }), officer)).toEqual({ code: 'appeals.decided_on_required' });
    expect(await t.fails('appeals.create', CASE({ decidedOn: '2026-05-01' }), officer)).toEqual({ code: 'appeals.decided_on_required' });
    expect(await t.fails('appeals.create', CASE({ result: 'other', decidedOn: '2026-04-09' }), officer)).toEqual({ code: 'appeals.decided_before_filed' });
    expect(await t.fails('appeals.create', CASE({ requestId: 'missing' }), officer)).toEqual({ code: 'appeals.unknown_request' });
    expect((await t.fails('appeals.create', CASE({ type: 'petition' as never }), officer)).code).toBe('api.invalid_input');
    expect(await t.fails('appeals.update', { ...CASE(), id: 'missing' }, officer)).toEqual({ code: 'appeals.not_found' });
    expect(await t.ok('appeals.list', {}, officer)).toEqual([]);
  });
});

describe('table 四', () => {
  it('counts each case in the year it was filed, under its result as of 31 December', () => {
    const cases = [
      { type: 'reconsideration', result: 'upheld', filedOn: '2025-03-01', decidedOn: '2025-05-01' },
      { type: 'reconsideration', result: 'corrected', filedOn: '2025-11-20', decidedOn: '2026-01-15' }, // decided next year: pending in 2025
      { type: 'reconsideration', result: 'pending', filedOn: '2025-12-31', decidedOn: null },
      { type: 'litigation_direct', result: 'other', filedOn: '2025-06-01', decidedOn: '2025-12-31' },
      { type: 'litigation_after_reconsideration', result: 'corrected', filedOn: '2025-02-01', decidedOn: '2025-09-01' },
      { type: 'reconsideration', result: 'upheld', filedOn: '2024-12-01', decidedOn: '2025-01-10' }, // filed the year before
      { type: 'reconsideration', result: 'upheld', filedOn: '2026-01-01', decidedOn: '2026-02-01' }, // filed the year after
    ] as const;
    expect(table4Figures(cases, 2025)).toEqual({
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 2, total: 3 },
      litigation_direct: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
      litigation_after_reconsideration: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
    });
    expect(table4Figures(cases, 2026).reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
  });
});
