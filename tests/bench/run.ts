/** `npm run bench`: prints the figures recorded in docs/performance.md. */
import { cpus, totalmem } from 'node:os';
import { benchDrafts } from './drafts.js';
import { benchScanner } from './scanner.js';
import { benchPublishing } from './publishing.js';
import { mb } from './stats.js';

const items = Number(process.env.BENCH_ITEMS ?? 100_000);
console.log(`# Gongkai Desk benchmark, ${new Date().toISOString().slice(0, 10)}`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} MB RAM, Node ${process.version}, ${process.platform}/${process.arch}`);
console.log('');
console.log('## Drafts and catalogue');
for (const line of await benchDrafts(items)) console.log(line);
console.log('');
console.log('## Confidentiality scanner');
for (const line of await benchScanner()) console.log(line);
console.log('');
console.log('## Publishing');
for (const line of await benchPublishing(Number(process.env.BENCH_PAIRS ?? 250))) console.log(line);
console.log('');
console.log(`Peak resident memory of the benchmark process: ${mb(process.resourceUsage().maxRSS * 1024)} MB.`);
