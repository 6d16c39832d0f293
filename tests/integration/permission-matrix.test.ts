/**
 * Who may call what. Part one: every command of the contract × every caller (nobody, a locked
 * session, each role), with a well-formed input drawn from the command's own schema, so the gate
 * is tested and not the parser; the gate's answer must match the contract's `access`, and a refusal
 * writes nothing. Part two: separation of duties, called straight through the backend as a
 * tampered renderer would, for the author and for someone else.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isCommandName, type Access, type CommandName } from '../../shared/contract.js';
import type { Role } from '../../shared/roles.js';
import { buildWorld, CALLERS, openWorld, PASSWORD, removeWorld, signOff, snapshot, type Caller, type World, type WorldTemplate } from '../support/office-world.js';
import { jsonSchemaOf, validInput } from '../support/schema-arbitrary.js';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';

const GATE_REFUSALS = new Set(['auth.required', 'auth.session_locked', 'auth.forbidden']);

/** What the contract says the gate answers this caller: null when it lets the call through. */
function expectedRefusal(access: Access, caller: Caller): string | null {
  if (access === 'public') return null;
  if (caller === 'none') return 'auth.required';
  if (access === 'session') return null;
  if (caller === 'locked') return 'auth.session_locked';
  if (access === 'user') return null;
  return access.includes(caller as Role) ? null : 'auth.forbidden';
}

/** A schema-valid input for the command (refinements included), found by sampling. */
function wellFormedInput(name: CommandName, template: WorldTemplate): unknown {
  const spec = contract[name];
  const candidates = fc.sample(validInput(jsonSchemaOf(spec.input), template.pools), { numRuns: 300, seed: 42 });
  const found = candidates.find((candidate) => spec.input.safeParse(candidate).success);
  if (found === undefined) throw new Error(`no well-formed input found for ${name}: teach tests/support/schema-arbitrary.ts its shape`);
  return found;
}

const names = Object.keys(contract).filter(isCommandName);

describe('the gate matches the contract for every command and caller', () => {
  let template: WorldTemplate;
  beforeAll(async () => {
    template = await buildWorld();
  }, 120_000);
  afterAll(() => removeWorld(template));

  it.each(names)('%s', { timeout: 30_000 }, async (name) => {
    const input = wellFormedInput(name, template);
    const access = contract[name].access;
    const world: World = openWorld(template);
    try {
      for (const caller of CALLERS) {
        const before = snapshot(world.backend, world.dataDir);
        const result = await world.backend.call(name, input, world.sessions()[caller]);
        const expected = expectedRefusal(access, caller);
        if (expected) {
          expect(result, `${caller} calling ${name}`).toMatchObject({ ok: false, error: { code: expected } });
          expect(snapshot(world.backend, world.dataDir), `${caller} refused ${name} but data changed`).toEqual(before);
        } else if (!result.ok) {
          // Let through by the gate: any refusal now comes from the service's own rules, never the gate's.
          const gateWording = Array.isArray(access) ? access.join(', ') : null;
          const fromGate = GATE_REFUSALS.has(result.error.code) && (result.error.code !== 'auth.forbidden' || result.error.params?.roles === gateWording);
          expect(fromGate, `${caller} calling ${name}: ${JSON.stringify(result.error)}`).toBe(false);
        }
      }
    } finally {
      world.close();
    }
  });
});

/**
 * Drafts are the office's, not one officer's: any officer may edit, submit or attach to a colleague's
 * draft. Commands that answer an edition's author differently from another officer are listed here
 * with the rule; any other difference fails, so a new command cannot start doing so unnoticed.
 */
const AUTHOR_SENSITIVE: Partial<Record<CommandName, string>> = {
  'workflow.returnToDraft': 'only the author or a reviewer may return an edition to draft (it voids the sign-off)',
};

describe('the author and another officer get the same answer, except where a rule says otherwise', () => {
  let template: WorldTemplate;
  beforeAll(async () => {
    template = await buildWorld();
  }, 120_000);
  afterAll(() => removeWorld(template));

  const editionCommands = names.filter((name) => {
    const { properties = {} } = jsonSchemaOf(contract[name].input) as { properties?: Record<string, unknown> };
    const access = contract[name].access;
    return ('editionId' in properties || 'itemId' in properties) && Array.isArray(access) && access.includes('officer');
  });

  it('finds the commands that act on an edition', () => {
    expect(editionCommands).toEqual(expect.arrayContaining(['items.saveDraft', 'attachments.add', 'workflow.submit', 'workflow.returnToDraft']));
  });

  it.each(editionCommands)('%s', { timeout: 30_000 }, async (name) => {
    const base = wellFormedInput(name, template) as Record<string, unknown>;
    const differences: string[] = [];
    for (const stage of ['draft', 'submitted', 'reviewed'] as const) {
      const editionId = template.editions[stage];
      const itemId = template.items[Object.keys(template.editions).indexOf(stage)];
      const input = { ...base, ...('editionId' in base ? { editionId } : {}), ...('itemId' in base ? { itemId } : {}) };
      const answers = [];
      for (const userId of [template.userIds.officer, template.userIds.officer2]) {
        const world = openWorld(template);
        try {
          const result = await world.backend.call(name, input, world.backend.sessions.create(userId));
          answers.push(result.ok ? 'ok' : result.error.code);
        } finally {
          world.close();
        }
      }
      if (answers[0] !== answers[1]) differences.push(`${stage}: author ${answers[0]}, other officer ${answers[1]}`);
    }
    if (AUTHOR_SENSITIVE[name]) expect(differences.length, `${name} is listed as author-sensitive but answers both alike`).toBeGreaterThan(0);
    else expect(differences).toEqual([]);
  });
});

describe('separation of duties, through the backend directly', () => {
  let t: TestBackend;
  let admin: string;
  /** Wang writes and also reviews and approves; Zhang reviews; Qian approves; Li is another officer. */
  let wang: { id: string; session: string };
  let zhang: { id: string; session: string };
  let qian: { id: string; session: string };
  let li: { id: string; session: string };

  beforeAll(async () => {
    t = makeBackend();
    admin = await t.setup();
    wang = await t.userWith(admin, 'wangwu', ['officer', 'reviewer', 'approver']);
    zhang = await t.userWith(admin, 'zhangsh', ['reviewer']);
    qian = await t.userWith(admin, 'qianfa', ['approver']);
    li = await t.userWith(admin, 'lisi', ['officer', 'reviewer']);
    const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === 'notice')!;
    await t.ok('categories.save', { ...category, columnId: 'tzgg' }, admin);
    await t.ok('publishing.configure', { siteUrl: 'http://127.0.0.1:9/', token: 'site-token-0123456789' }, admin);
  }, 60_000);
  afterAll(() => t.close());

  const draftBy = (session: string, title: string) => t.ok('items.create', { categoryId: 'notice', fields: fields({ title, documentNumber: '' }), bodyHtml: `<p>${title}</p>` }, session);
  const decide = (editionId: string, session: string) => t.backend.call('review.decide', { editionId, decision: 'approve', basis: null, note: '', password: PASSWORD }, session);
  const approve = (editionId: string, session: string) => t.backend.call('publishing.approve', { editionId, password: PASSWORD }, session);
  const reasonCodes = (result: Awaited<ReturnType<typeof decide>>) => (result.ok ? [] : (result.error.reasons ?? [{ code: result.error.code }]).map((r) => r.code));

  it('a reviewer cannot sign off their own edition; another reviewer is not refused for that', async () => {
    const own = await draftBy(wang.session, '王五起草的通知');
    await t.ok('workflow.submit', { editionId: own.id }, wang.session);
    expect(reasonCodes(await decide(own.id, wang.session))).toContain('review.own_edition');
    expect(reasonCodes(await decide(own.id, zhang.session))).not.toContain('review.own_edition');
  });

  it('whoever edited a draft counts as its author: a co-editor can neither sign it off nor approve it', async () => {
    const e = await draftBy(li.session, '李四起草、王五修改的通知');
    await t.ok('items.saveDraft', { editionId: e.id, categoryId: 'notice', fields: fields({ title: '王五改过的通知', documentNumber: '' }), bodyHtml: '<p>王五改写的正文</p>' }, wang.session);
    await t.ok('workflow.submit', { editionId: e.id }, li.session);
    expect(reasonCodes(await decide(e.id, wang.session))).toContain('review.own_edition');
    expect(reasonCodes(await decide(e.id, zhang.session))).not.toContain('review.own_edition');
    signOff(t.backend, e.id, zhang.id);
    expect(reasonCodes(await approve(e.id, wang.session))).toContain('approval.own_edition');
    expect(await approve(e.id, qian.session)).toEqual({ ok: true, value: { queued: [e.id] } });
  });

  it('an approver cannot approve their own edition; another approver can', async () => {
    const own = await draftBy(wang.session, '王五的待签发通知');
    await t.ok('workflow.submit', { editionId: own.id }, wang.session);
    signOff(t.backend, own.id, zhang.id);
    expect(reasonCodes(await approve(own.id, wang.session))).toContain('approval.own_edition');
    expect(await approve(own.id, qian.session)).toEqual({ ok: true, value: { queued: [own.id] } });
  });

  it('an officer cannot return someone else’s submitted edition to draft (voiding its sign-off); the author and a reviewer can', async () => {
    const officerOnly = await t.userWith(admin, 'zhaoliu', ['officer']);
    const e = await draftBy(wang.session, '已审核待签发的通知');
    await t.ok('workflow.submit', { editionId: e.id }, wang.session);
    signOff(t.backend, e.id, zhang.id);
    const refused = await t.fails('workflow.returnToDraft', { editionId: e.id, reason: '想改一下' }, officerOnly.session);
    expect(refused.code).toBe('workflow.not_author');
    expect((await t.ok('items.edition', { editionId: e.id }, admin)).status).toBe('reviewed');
    expect((await t.ok('workflow.returnToDraft', { editionId: e.id, reason: '补充材料' }, zhang.session)).status).toBe('draft');
    await t.ok('workflow.submit', { editionId: e.id }, wang.session);
    expect((await t.ok('workflow.returnToDraft', { editionId: e.id, reason: '作者撤回修改' }, wang.session)).status).toBe('draft');
  });

  it('roles come from the users table on every call: a role taken away stops the next call', async () => {
    const user = await t.userWith(admin, 'sunqi', ['officer', 'approver']);
    await t.ok('users.update', { id: user.id, displayName: 'sunqi', roles: ['officer'] }, admin);
    expect((await t.fails('publishing.approve', { editionId: 'x', password: PASSWORD }, user.session)).code).toBe('auth.forbidden');
  });
});
