/**
 * The child process of the crash test (tests/integration/crash.test.ts): opens the backend on a
 * data directory and works like a busy office until it is killed — drafting with autosave,
 * submitting, the reviewer's checklist and sign-off, approval, and sync to the website — picking
 * up whatever the previous (killed) run left half-way, as the app does after a restart.
 *
 *   node --import tsx tests/support/crash-worker.ts DATA_DIR SITE_URL TOKEN SEED [--drain]
 * (the test runs it bundled by esbuild, which starts faster).
 *
 * Prints "ready" once the backend is open and its users signed in, and "step" after each step of
 * work, so the test can kill it part-way through the work however fast this machine is. With --drain it only sends the outbox until nothing
 * is pending, then exits 0.
 */
import { openBackend, type Backend } from '../../electron/core/backend.js';
import { SyncWorker } from '../../electron/core/sync/worker.js';
import { httpSiteClient } from '../../electron/core/sync/site-client.js';
import { fields } from './items.js';
import { silentLog } from './backend.js';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract.js';
import { seeded } from '../../shared/seeded-random.js';

/** The users the crash test creates, with the password tests/support/backend.ts userWith gives. */
const CRASH_PASSWORD = 'Passw0rd!';
const CRASH_USERS = { officer: 'xiaoli', reviewer: 'zhangsh', approver: 'qianfa' } as const;

const [dataDir, siteUrl, token, seedText, mode] = process.argv.slice(2);
if (!dataDir || !siteUrl || !token) throw new Error('usage: crash-worker DATA_DIR SITE_URL TOKEN SEED [--drain]');

/** The same seed makes the same choices. */
const random = seeded(Number(seedText) || 1);

// The test holds our stdin open; if it dies without killing us, stop rather than work on forever.
process.stdin.on('close', () => process.exit(2)).resume();

// The daily backup at once, so that some kills land while it is being written.
const backend: Backend = openBackend({ dataDir, mode: 'browser', log: silentLog, dailyBackups: { firstCheckAfterMs: 0 } });

async function ok<K extends CommandName>(name: K, input: CommandInput<K>, session: string | null): Promise<CommandOutput<K>> {
  const result = await backend.call(name, input, session);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as CommandOutput<K>;
}

const login = async (username: string) => (await ok('auth.login', { username, password: CRASH_PASSWORD }, null)).sessionId;

const sync = () => new SyncWorker(backend.context(null), httpSiteClient(siteUrl, token), { baseBackoffMs: 1, maxBackoffMs: 5, concurrency: 4 });

const pending = () => (backend.db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n;

const editionsIn = (status: string, limit: number) =>
  (backend.db.prepare('SELECT id FROM editions WHERE status = ? ORDER BY created_at LIMIT ?').all(status, limit) as { id: string }[]).map((r) => r.id);

/** One new notice: created, autosaved twice while typing, saved, submitted. */
async function draft(officer: string): Promise<void> {
  const n = (backend.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n + 1;
  const title = `关于做好第${n}批防汛物资储备工作的通知`;
  const created = await ok('items.create', { categoryId: 'notice', fields: fields({ title, documentNumber: '' }), bodyHtml: `<p>第${n}批通知正文。</p>` }, officer);
  for (const words of ['请各镇（街道）', '请各镇（街道）于月底前完成储备']) {
    await ok('autosave.put', { editionId: created.id, payload: JSON.stringify({ title, bodyHtml: `<p>${words}</p>` }) }, officer);
  }
  await ok('items.saveDraft', { editionId: created.id, categoryId: 'notice', fields: fields({ title, documentNumber: '' }), bodyHtml: `<p>第${n}批通知正文。请各镇（街道）于月底前完成储备。</p>` }, officer);
  await ok('autosave.discard', { editionId: created.id }, officer);
  await ok('workflow.submit', { editionId: created.id }, officer);
}

async function review(reviewer: string, editionId: string): Promise<void> {
  const { checklist } = await ok('review.get', { editionId }, reviewer);
  for (const item of checklist) await ok('review.answer', { editionId, itemId: item.id, answer: 'yes', note: '' }, reviewer);
  await ok('review.decide', { editionId, decision: 'approve', basis: null, note: '', password: CRASH_PASSWORD }, reviewer);
}

async function drainAll(): Promise<void> {
  for (let round = 0; pending() > 0; round++) {
    if (round > 500) throw new Error('the outbox did not drain');
    await sync().drain();
    if (pending() > 0) await new Promise((done) => setTimeout(done, 20));
  }
}

async function work(): Promise<void> {
  if (mode === '--drain') return drainAll();
  const [officer, reviewer, approver] = await Promise.all([login(CRASH_USERS.officer), login(CRASH_USERS.reviewer), login(CRASH_USERS.approver)]);
  process.stdout.write('ready\n');
  for (;;) {
    const steps = [
      () => draft(officer),
      async () => {
        for (const id of editionsIn('submitted', 2)) await review(reviewer, id);
      },
      async () => {
        for (const id of editionsIn('reviewed', 2)) await ok('publishing.approve', { editionId: id, password: CRASH_PASSWORD }, approver);
      },
      () => sync().drain(4),
    ].sort(() => random() - 0.5);
    for (const step of steps) {
      await step();
      process.stdout.write('step\n');
    }
  }
}

work().then(
  () => {
    backend.close();
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`crash-worker: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
