#!/usr/bin/env node
// The CLI runs the compiled backend (npm install builds it through the prepare script).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/electron/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('gongkai: the app is not built yet; run `npm run build` first.');
  process.exit(1);
}
const { runCli } = await import(cli.href);
await runCli(process.argv.slice(2));
