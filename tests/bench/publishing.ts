/**
 * Publishing throughput: approved documents with their interpretations sent by the sync worker
 * to the reference website on 127.0.0.1 (no faults), as items per second.
 */
import { startReferenceSite } from '../../electron/reference-site/site.js';
import { makeBackend, tempDir } from '../support/backend.js';
import { fields } from '../support/items.js';
import { SyncWorker } from '../../electron/core/sync/worker.js';
import { httpSiteClient } from '../../electron/core/sync/site-client.js';
import { contentHash } from '../../electron/core/services/review.js';
import { findEdition } from '../../electron/core/db/items-repo.js';

const TOKEN = 'bench-site-token-0123456789';

export async function benchPublishing(pairs: number): Promise<string[]> {
  const t = makeBackend();
  const site = await startReferenceSite({ dataDir: tempDir('gongkai-bench-site-'), token: TOKEN, onError: () => undefined });
  try {
    const admin = await t.setup();
    const officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
    const approver = (await t.userWith(admin, 'qianfa', ['approver'])).session;
    const reviewer = (await t.userWith(admin, 'zhangsh', ['reviewer'])).id;
    for (const [id, columnId] of [['gov_document', 'zfwj'], ['interpretation', 'zcjd']] as const) {
      const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === id)!;
      await t.ok('categories.save', { ...category, columnId }, admin);
    }
    // The review is recorded as its service would; its own cost is not what this measures.
    const signOff = (editionId: string) => {
      const hash = contentHash(t.backend.context(null), findEdition(t.backend.db, editionId)!);
      t.backend.db.prepare("INSERT INTO reviews (edition_id, decision, reviewer_id, decided_at, content_hash) VALUES (?, 'approve', ?, ?, ?)").run(editionId, reviewer, new Date().toISOString(), hash);
      t.backend.db.prepare("UPDATE editions SET status = 'reviewed' WHERE id = ?").run(editionId);
    };
    for (let n = 1; n <= pairs; n++) {
      const d = await t.ok('items.create', { categoryId: 'gov_document', fields: fields({ title: `关于做好第${n}项工作的通知`, normative: true }), bodyHtml: `<p>第${n}号文件正文。</p>`.repeat(20) }, officer);
      const i = await t.ok('items.create', { categoryId: 'interpretation', fields: fields({ title: `第${n}号文件解读`, documentNumber: '' }), bodyHtml: `<p>解读第${n}号文件。</p>`.repeat(20) }, officer);
      await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
      await t.ok('workflow.submit', { editionId: d.id }, officer);
      signOff(d.id);
      signOff(i.id);
      await t.ok('publishing.approve', { editionId: d.id, password: 'Passw0rd!' }, approver);
    }
    const start = performance.now();
    await new SyncWorker(t.backend.context(null), httpSiteClient(site.url, TOKEN), { concurrency: 4 }).drain();
    const seconds = (performance.now() - start) / 1000;
    const { n } = t.backend.db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'done'").get() as { n: number };
    return [`Published ${n} items (${pairs} documents, each before its interpretation) to the reference site on 127.0.0.1 in ${seconds.toFixed(1)} s: ${(n / seconds).toFixed(0)} items/s, concurrency 4, no injected faults.`];
  } finally {
    await site.close();
    t.close();
  }
}
