/**
 * `gongkai`: the command line over the same services, for IT staff and scripts. Every command
 * exits non-zero with one line on stderr when it fails; usage errors exit 2.
 */
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { basename, resolve } from 'node:path';
import { openBackend, type Backend } from './core/backend.js';
import { defaultDataDir, electronSqliteBinding, rendererDir } from './core/paths.js';
import { startServer } from './core/server.js';
import { services } from './core/services/index.js';
import type { Ctx } from './core/context.js';
import { contract, type CommandName, type CommandOutput } from '../shared/contract.js';
import { AppError } from '../shared/errors.js';
import { ROLES, type Role } from '../shared/roles.js';
import { errorMessage, translator, type Language } from '../shared/i18n/index.js';
import { addWorkdays, dayInfo, isValidDate } from '../shared/domain/working-days.js';
import { workCalendar } from './core/services/calendar.js';
import { extractText, type Location } from './core/extract/index.js';
import { scanText } from '../shared/domain/scanner/index.js';

const USAGE = `gongkai — 政务公开工作台 (Gongkai Desk)

Usage:
  gongkai start [--data-dir D]                  open the app (Electron, or browser mode without it)
  gongkai serve [--data-dir D] [--port P] [--open]
                                                browser mode on 127.0.0.1
  gongkai db check [--data-dir D]               run SQLite's integrity check
  gongkai db backup FILE [--data-dir D]         online backup to a new file
  gongkai users list [--data-dir D]
  gongkai users add USERNAME --roles R[,R] [--name NAME] [--data-dir D]
                                                password from stdin (first line) or a prompt
  gongkai users disable USERNAME [--data-dir D]
  gongkai scan [--json] [--own-number N]... FILE...
                                                scan files for personal data and secret markings;
                                                exits 1 when a finding blocks publishing
  gongkai calendar add-workdays DATE N [--json]  the Nth working day after DATE
  gongkai calendar is-workday DATE [--json]

Roles: ${ROLES.join(', ')}. The data directory defaults to GONGKAI_DATA_DIR or ${defaultDataDir()}.`;

class UsageError extends Error {}

const language: Language = (process.env.GONGKAI_LANG ?? process.env.LANG ?? 'zh').startsWith('en') ? 'en' : 'zh-CN';
const t = translator(language);

function cliContext(backend: Backend): Ctx {
  let osUser = 'unknown';
  try {
    osUser = userInfo().username;
  } catch {
    // some sandboxes have no passwd entry
  }
  return backend.context({ id: null, name: `cli:${osUser}`, roles: ROLES });
}

/** Runs a command's service as the local IT user, validating the input with the contract's schema. */
async function run<K extends CommandName>(backend: Backend, name: K, input: unknown): Promise<CommandOutput<K>> {
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new AppError('api.invalid_input', { fields });
  }
  const service = services[name] as (ctx: Ctx, input: unknown) => CommandOutput<K> | Promise<CommandOutput<K>>;
  return service(cliContext(backend), parsed.data);
}

async function readPassword(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stderr : undefined, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    // Hide the typed characters.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  const line = await new Promise<string>((done) => {
    rl.once('line', done);
    rl.once('close', () => done(''));
  });
  rl.close();
  if (process.stdin.isTTY) process.stderr.write('\n');
  return line;
}

function openInBrowser(url: string): boolean {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform !== 'linux');
  } catch {
    return false;
  }
}

async function serve(dataDir: string, port: number, open: boolean): Promise<void> {
  const backend = openBackend({ dataDir, mode: 'browser', sync: true });
  const server = await startServer({ backend, rendererDir, port });
  console.log(`政务公开工作台 browser mode: ${server.url}`);
  console.log(`data: ${dataDir}`);
  if (open && !openInBrowser(server.url)) console.log('No browser could be opened here; open the address above.');
  const stop = () => {
    void server.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The Electron binary, when it and better-sqlite3 built for it are installed (build/fetch-electron.mjs). */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) && existsSync(electronSqliteBinding) ? path : null;
  } catch {
    return null;
  }
}

async function start(dataDir: string): Promise<void> {
  const electron = electronBinary();
  if (!electron) {
    console.log('No Electron binary is installed, so Gongkai Desk starts in browser mode (未找到 Electron，改用浏览器模式).');
    return serve(dataDir, 0, true);
  }
  const main = fileURLToPath(new URL('./main.js', import.meta.url));
  const child = spawn(electron, [main], { stdio: 'inherit', env: { ...process.env, GONGKAI_DATA_DIR: dataDir } });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function printUsers(users: CommandOutput<'users.list'>): void {
  for (const u of users) {
    const state = u.disabled ? 'disabled' : u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? `locked until ${u.lockedUntil}` : 'enabled';
    console.log(`${u.username}\t${u.displayName}\t${u.roles.join(',')}\t${state}`);
  }
}

async function withBackend<T>(dataDir: string, work: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = openBackend({ dataDir, mode: 'browser' });
  try {
    return await work(backend);
  } finally {
    backend.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
      roles: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
      'own-number': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [area, action, ...rest] = positionals;
  if (values.help || !area) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const arg = (what: string) => {
    if (!rest[0]) throw new UsageError(`missing ${what}`);
    return rest[0];
  };

  // Commands of one word take their arguments right after it; the others have an action first.
  switch (['start', 'serve', 'scan'].includes(area) ? area : `${area} ${action ?? ''}`) {
    case 'start':
      await start(dataDir);
      return 0;
    case 'serve': {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port: ${values.port}`);
      await serve(dataDir, port, values.open);
      return 0;
    }
    case 'db check':
      return withBackend(dataDir, async (backend) => {
        const result = await run(backend, 'system.checkDatabase', {});
        console.log(result.ok ? `ok: ${backend.runtime.databaseFile}` : result.messages.join('\n'));
        return result.ok ? 0 : 1;
      });
    case 'db backup':
      return withBackend(dataDir, async (backend) => {
        const result = await run(backend, 'system.backup', { file: resolve(arg('FILE')) });
        console.log(`${result.file} (${result.bytes} bytes)`);
        return 0;
      });
    case 'users list':
      return withBackend(dataDir, async (backend) => {
        printUsers(await run(backend, 'users.list', {}));
        return 0;
      });
    case 'users add': {
      const username = arg('USERNAME');
      const roles = (values.roles ?? '').split(',').filter(Boolean);
      if (!roles.length) throw new UsageError(`--roles is required (${ROLES.join(', ')})`);
      const unknown = roles.filter((r) => !ROLES.includes(r as Role));
      if (unknown.length) throw new UsageError(`unknown role: ${unknown.join(', ')} (${ROLES.join(', ')})`);
      const password = await readPassword(`Password for ${username}: `);
      return withBackend(dataDir, async (backend) => {
        const user = await run(backend, 'users.create', { username, displayName: values.name ?? username, password, roles });
        console.log(`added ${user.username} [${user.roles.join(', ')}]`);
        return 0;
      });
    }
    case 'users disable':
      return withBackend(dataDir, async (backend) => {
        const username = arg('USERNAME');
        const user = (await run(backend, 'users.list', {})).find((u) => u.username.toLowerCase() === username.toLowerCase());
        if (!user) throw new AppError('users.not_found');
        await run(backend, 'users.setDisabled', { id: user.id, disabled: true });
        console.log(`disabled ${user.username}`);
        return 0;
      });
    case 'scan':
      return scanFiles([action, ...rest].filter((f): f is string => Boolean(f)), values.json, values['own-number']);
    case 'calendar add-workdays':
      return withBackend(dataDir, async (backend) => {
        const [date, n] = [arg('DATE'), Number(rest[1])];
        if (!isValidDate(date)) throw new UsageError(`invalid date: ${date} (YYYY-MM-DD)`);
        if (!Number.isInteger(n) || n < 0 || n > 400) throw new UsageError(`invalid number of working days: ${rest[1] ?? ''}`);
        const result = addWorkdays(workCalendar(cliContext(backend)), date, n);
        console.log(values.json ? JSON.stringify({ due: result.due, provisional: result.provisional }) : `${result.due}${result.provisional ? ' provisional' : ''}`);
        return 0;
      });
    case 'calendar is-workday':
      return withBackend(dataDir, async (backend) => {
        const date = arg('DATE');
        if (!isValidDate(date)) throw new UsageError(`invalid date: ${date} (YYYY-MM-DD)`);
        const day = dayInfo(workCalendar(cliContext(backend)), date);
        const words = `${day.workday ? 'workday' : 'not a workday'} (${day.kind}${day.name ? ` ${day.name}` : ''})${day.provisional ? ' provisional' : ''}`;
        console.log(values.json ? JSON.stringify(day) : words);
        return 0;
      });
    default:
      throw new UsageError(`unknown command: ${positionals.join(' ')}`);
  }
}

/** Where in a file a finding is, in words (the desktop UI translates the same data). */
function describeLocation(where: Location): string {
  const bits = Object.entries(where)
    .filter(([key, value]) => key !== 'format' && value !== undefined && value !== false)
    .map(([key, value]) => (typeof value === 'object' ? `${key} ${JSON.stringify(value)}` : value === true ? key : `${key} ${String(value)}`));
  return [where.format, ...bits].join(', ');
}

async function scanFiles(files: string[], json: boolean, ownNumbers: string[]): Promise<number> {
  if (!files.length) throw new UsageError('missing FILE');
  const options = { referenceYear: new Date().getFullYear(), ownPhoneNumbers: ownNumbers };
  const report = [];
  for (const file of files) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      throw new UsageError(`cannot read ${file}`);
    }
    const { parts } = await extractText(basename(file), data);
    const findings = parts.flatMap((part) =>
      scanText(part.text, options).map((f) => ({ kind: f.kind, text: f.text, severity: f.severity, score: f.score, location: describeLocation(part.location), explanation: f.explanation })),
    );
    report.push({ file, findings });
  }
  if (json) console.log(JSON.stringify({ files: report }));
  else for (const r of report) for (const f of r.findings) console.log(`${r.file}\t${f.severity}\t${f.kind}\t${f.text}\t${f.location}`);
  return report.some((r) => r.findings.some((f) => f.severity === 'block')) ? 1 : 0;
}

/** Runs the CLI and turns every failure into one line and an exit code. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    if (code !== 0) process.exitCode = code;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`gongkai: ${error.message} (see gongkai --help)`);
      process.exitCode = 2;
    } else if (error instanceof AppError) {
      console.error(`gongkai: ${errorMessage(t, error.toApiError())}`);
      process.exitCode = 1;
    } else {
      console.error(`gongkai: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}
