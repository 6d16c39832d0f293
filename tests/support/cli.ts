/** The built `gongkai` command, run the way IT staff run it, for the CLI integration tests. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GONGKAI_BIN = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));

/** Runs `gongkai args…` to completion in zh-CN; output is trimmed. */
export function gongkai(args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [GONGKAI_BIN, ...args], { encoding: 'utf8', env: { ...process.env, GONGKAI_LANG: 'zh-CN' } });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

/** bin/gongkai.js runs the compiled CLI: fail with the fix rather than with a module error. */
export function requireBuiltCli(): void {
  if (!existsSync(fileURLToPath(new URL('../../dist/electron/cli.js', import.meta.url)))) throw new Error('run npm run build first');
}
