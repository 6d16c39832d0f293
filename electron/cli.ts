/**
 * `gongkai`: the command line over the same services, for IT staff and scripts. Every command
 * exits non-zero with one line on stderr when it fails; usage errors exit 2. Modules only one
 * command needs (the website, file extraction) load in that command, so `serve` starts sooner.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, resolve } from 'node:path';
import { openBackend, restoreWhileClosed, type Backend } from './core/backend.js';
import { writeLaunchFile } from './core/browser-launch.js';
import { record } from './core/services/audit-trail.js';
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
import { feeCommand, requestDueCommand, type CliResult } from './core/services/requests-cli.js';
import { chineseDaysYears } from './core/calendar-seed.js';
import { WorkCalendar } from '../shared/domain/working-days.js';
import type { Location } from './core/extract/index.js';
import { scanText } from '../shared/domain/scanner/index.js';
import { reportDocx } from './core/services/annual-report.js';
import { demoSiteDir } from './core/sync/demo-site.js';
import { DEMO_SET_NAMES, type DemoSetName } from './core/demo/load.js';

const USAGE = `gongkai — 政务公开工作台 (Gongkai Desk)

Usage:
  gongkai start [--data-dir D]                  open the app (Electron, or browser mode without it)
  gongkai serve [--data-dir D] [--port P] [--open]
                                                browser mode on 127.0.0.1
  gongkai db check [--data-dir D]               run SQLite's integrity check
  gongkai db backup FILE [--data-dir D]         online backup to a new file
  gongkai db restore FILE [--data-dir D]        replace the database with a backup, after checking
                                                it; the current one is kept in <data-dir>/backups
  gongkai users list [--data-dir D]
  gongkai users add USERNAME --roles R[,R] [--name NAME] [--data-dir D]
                                                password from stdin (first line) or a prompt
  gongkai users disable USERNAME [--data-dir D]
  gongkai scan [--json] [--own-number N]... FILE...
                                                scan files for personal data and secret markings;
                                                exits 1 when a finding blocks publishing
  gongkai calendar add-workdays DATE N [--json]  the Nth working day after DATE
  gongkai calendar is-workday DATE [--json]
  gongkai fee --items N | --pages N [--json]     信息处理费 (国办函〔2020〕109号) with its breakdown
  gongkai request due DATE [--explain] [--json] [--data-dir D]
                                                reply due date of a request received on DATE; the
                                                data dir's calendar if given, else the built-in one
  gongkai site [--data-dir D] [--port P] [--token T]
                                                run the reference website (publishing API and
                                                public pages) on 127.0.0.1; prints address and token
  gongkai site import PACKAGE [--data-dir D] [--json]
                                                import an offline package (folder or .zip) into it;
                                                any bad SHA-256 refuses the whole package
  gongkai demo load leizhou-2018 [--data-dir D] [--json]
                                                fill an empty store with 雷州市's 2018 records
                                                (5,090 items), to learn and try the app
  gongkai report YEAR [--data-dir D] --out FILE.docx [--json]
                                                the year's 政府信息公开工作年度报告 as .docx (not filed:
                                                export in the app to freeze a snapshot); --json prints
                                                the figures and failed cross-checks

Roles: ${ROLES.join(', ')}. The data directory defaults to GONGKAI_DATA_DIR or ${defaultDataDir()};
the website's (gongkai site) to a \`site\` folder inside the app's. A --token shorter than 8 is refused.`;

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
  if (open && !openInBrowser(pathToFileURL(writeLaunchFile(dataDir, server.url)).href)) console.log('No browser could be opened here; open the address above.');
  const stop = () => {
    void server.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function portOption(value: string | undefined): number {
  const port = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port: ${value}`);
  return port;
}

/** The reference website in the foreground until Ctrl+C; loopback only, like browser mode. */
async function runSite(dataDir: string, port: number, token: string): Promise<void> {
  const { startReferenceSite } = await import('./reference-site/site.js');
  const site = await startReferenceSite({ dataDir, port, token });
  console.log(`reference site: ${site.url}`);
  console.log(`token: ${token}`);
  console.log(`data: ${dataDir}`);
  const stop = () => void site.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function importPackage(dataDir: string, path: string, json: boolean): Promise<number> {
  const [{ SiteStore }, { importOfflinePackageFrom }] = await Promise.all([import('./reference-site/store.js'), import('./reference-site/import-package.js')]);
  const store = new SiteStore(dataDir);
  try {
    const summary = await importOfflinePackageFrom({ store, now: () => new Date().toISOString() }, path);
    console.log(
      json
        ? JSON.stringify(summary)
        : `imported ${path}: ${summary.published} published, ${summary.alreadyPublished} already on the site, ${summary.attachments} attachments, ${summary.withdrawals} withdrawals`,
    );
    return 0;
  } finally {
    store.close();
  }
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
      token: { type: 'string' },
      open: { type: 'boolean', default: false },
      roles: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      'own-number': { type: 'string', multiple: true, default: [] },
      items: { type: 'string' },
      pages: { type: 'string' },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [area, action, ...rest] = positionals;
  if (values.help || !area) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  // The website keeps its own data: --data-dir names its folder; by default `site` in the app's.
  const siteDir = values['data-dir'] ? dataDir : demoSiteDir(dataDir);
  const arg = (what: string) => {
    if (!rest[0]) throw new UsageError(`missing ${what}`);
    return rest[0];
  };

  // Commands of one word take their arguments right after it; the others have an action first.
  switch (['start', 'serve', 'scan', 'report', 'fee'].includes(area) ? area : `${area} ${action ?? ''}`) {
    case 'start':
      await start(dataDir);
      return 0;
    case 'serve':
      await serve(dataDir, portOption(values.port), values.open);
      return 0;
    case 'site ': {
      const token = values.token ?? randomBytes(24).toString('base64url');
      if (token.length < 8 || /\s/.test(token)) throw new UsageError('--token needs at least 8 characters and no spaces');
      await runSite(siteDir, portOption(values.port), token);
      return 0;
    }
    case 'site import':
      return importPackage(siteDir, resolve(arg('PACKAGE')), values.json);
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
    case 'db restore': {
      const file = resolve(arg('FILE'));
      const { keptAs } = restoreWhileClosed(dataDir, file);
      // Opening it migrates an older backup and proves the restored database opens.
      return withBackend(dataDir, async (backend) => {
        const ctx = cliContext(backend);
        ctx.db.transaction(() => record(ctx, 'system.restore', { type: 'database', id: null }, `${basename(file)}; previous kept as ${keptAs ? basename(keptAs) : '-'}`))();
        console.log(`restored ${file}${keptAs ? `; the previous database was kept as ${keptAs}` : ''}`);
        return 0;
      });
    }
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
    case 'fee':
      return printResult(feeCommand(values.items, values.pages, values.json));
    case 'request due': {
      const date = arg('DATE');
      if (!isValidDate(date)) throw new UsageError(`invalid date: ${date} (YYYY-MM-DD)`);
      const due = (calendar: WorkCalendar) => printResult(requestDueCommand(calendar, date, values.explain, values.json));
      if (values['data-dir'] === undefined) return due(new WorkCalendar(chineseDaysYears()));
      return withBackend(dataDir, async (backend) => due(workCalendar(cliContext(backend))));
    }
    case 'report':
      return writeReport(dataDir, action, values.out, values.json);
    case 'demo load':
      return withBackend(dataDir, async (backend) => {
        const name = arg('NAME');
        if (!DEMO_SET_NAMES.includes(name as DemoSetName)) throw new UsageError(`unknown demo data set: ${name} (${DEMO_SET_NAMES.join(', ')})`);
        const result = await run(backend, 'demo.load', { name });
        console.log(values.json ? JSON.stringify(result) : `loaded ${result.name}: ${result.items} items; its ${result.staff} staff accounts are disabled`);
        return 0;
      });
    default:
      throw new UsageError(`unknown command: ${positionals.join(' ')}`);
  }
}

async function writeReport(dataDir: string, yearArg: string | undefined, out: string | undefined, json: boolean): Promise<number> {
  const year = Number(yearArg);
  if (!yearArg || !Number.isInteger(year) || year < 2008 || year > 2100) throw new UsageError(`invalid YEAR: ${yearArg ?? ''}`);
  if (!out && !json) throw new UsageError('--out FILE.docx is required');
  return withBackend(dataDir, async (backend) => {
    const { model, docx } = await reportDocx(cliContext(backend), year);
    if (out) writeFileSync(resolve(out), docx);
    if (json) console.log(JSON.stringify(model));
    else {
      console.log(`${resolve(out!)} (${docx.length} bytes)`);
      for (const f of model.consistency) console.log(`cross-check failed: ${f.rule} ${f.at}: ${f.terms}`);
    }
    return 0;
  });
}

function printResult(result: CliResult): number {
  if (!result.ok) throw new UsageError(result.usage);
  for (const line of result.lines) console.log(line);
  return 0;
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
  const { extractFile } = await import('./core/extract/index.js');
  const report = [];
  for (const file of files) {
    if (!existsSync(file)) throw new UsageError(`cannot read ${file}`);
    const { parts } = await extractFile(file);
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
