/**
 * The one contract between the renderer and the main process. Every backend command is declared
 * here once: its input and output schemas and who may call it. The IPC gate, the browser-mode
 * server, the renderer client and the tests all derive from this object.
 */
import { z } from 'zod';
import { ROLES, type Role } from './roles.js';
import type { ApiError } from './errors.js';
import { LANGUAGES } from './i18n/languages.js';

/**
 * 'public': no session needed; 'session': a session, even a locked one (unlock, log out);
 * 'user': any signed-in user with an unlocked session; Role[]: such a user holding one of those roles.
 */
export type Access = 'public' | 'session' | 'user' | readonly Role[];

interface CommandSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

function command<I extends z.ZodType, O extends z.ZodType>(spec: CommandSpec<I, O>): CommandSpec<I, O> {
  return spec;
}

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const RoleSchema = z.enum(ROLES);
export const LanguageSchema = z.enum(LANGUAGES);

const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, 'username_chars');
/** Strength beyond length is checked in the service so the message can be specific. */
const NewPassword = z.string().min(8).max(128);
const DisplayName = z.string().trim().min(1).max(40);

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  disabled: z.boolean(),
  language: LanguageSchema,
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const UnitSchema = z.object({
  name: z.string().trim().min(2).max(60),
  /** 组织机构代码 (9) or 统一社会信用代码 (18); used as the 索引号 prefix. */
  code: z.string().trim().min(9).max(20),
  parentName: z.string().trim().max(60),
  websiteName: z.string().trim().max(60),
  websiteUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
});
export type Unit = z.infer<typeof UnitSchema>;

const SessionSchema = z.object({ sessionId: z.string(), user: UserSchema });
export type Session = z.infer<typeof SessionSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const contract = {
  'setup.status': command({
    input: Empty,
    output: z.object({ needsSetup: z.boolean(), unitName: z.string().nullable(), defaultLanguage: LanguageSchema }),
    access: 'public',
  }),
  /** First run: creates the unit and the first administrator, and signs them in. */
  'setup.complete': command({
    input: z.object({
      unit: UnitSchema,
      admin: z.object({ username: Username, displayName: DisplayName, password: NewPassword }),
      language: LanguageSchema,
    }),
    output: SessionSchema,
    access: 'public',
  }),

  'auth.login': command({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
    output: SessionSchema,
    access: 'public',
  }),
  'auth.logout': command({ input: Empty, output: Ok, access: 'session' }),
  'auth.me': command({ input: Empty, output: UserSchema, access: 'user' }),
  /** The screen locks after idle time; unlocking needs the same user's password. */
  'auth.lock': command({ input: Empty, output: Ok, access: 'user' }),
  'auth.unlock': command({ input: z.object({ password: z.string().min(1).max(256) }), output: UserSchema, access: 'session' }),
  'auth.changePassword': command({
    input: z.object({ currentPassword: z.string().min(1).max(256), newPassword: NewPassword }),
    output: Ok,
    access: 'user',
  }),
  'auth.setLanguage': command({ input: z.object({ language: LanguageSchema }), output: UserSchema, access: 'user' }),

  'users.list': command({ input: Empty, output: z.array(UserSchema), access: ['admin'] }),
  'users.create': command({
    input: z.object({
      username: Username,
      displayName: DisplayName,
      password: NewPassword,
      roles: z.array(RoleSchema).min(1),
    }),
    output: UserSchema,
    access: ['admin'],
  }),
  'users.update': command({
    input: z.object({ id: z.string(), displayName: DisplayName, roles: z.array(RoleSchema).min(1) }),
    output: UserSchema,
    access: ['admin'],
  }),
  'users.setDisabled': command({
    input: z.object({ id: z.string(), disabled: z.boolean() }),
    output: UserSchema,
    access: ['admin'],
  }),
  /** Sets a new password and clears any lockout. */
  'users.resetPassword': command({
    input: z.object({ id: z.string(), newPassword: NewPassword }),
    output: UserSchema,
    access: ['admin'],
  }),

  'unit.get': command({ input: Empty, output: UnitSchema, access: 'user' }),
  'unit.update': command({ input: UnitSchema, output: UnitSchema, access: ['admin'] }),

  'audit.list': command({
    input: z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500) }),
    output: z.object({ entries: z.array(AuditEntrySchema), total: z.number().int() }),
    access: ['admin'],
  }),
  'audit.verify': command({
    input: Empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      /** The first entry whose stored hash or link does not match, when the chain is broken. */
      firstBroken: z.object({ seq: z.number().int(), reason: z.enum(['hash_mismatch', 'link_mismatch', 'missing_entry']) }).nullable(),
    }),
    access: ['admin'],
  }),

  'system.info': command({
    input: Empty,
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      databaseFile: z.string(),
      suggestedBackupFile: z.string(),
    }),
    access: ['admin'],
  }),
  'system.checkDatabase': command({
    input: Empty,
    output: z.object({ ok: z.boolean(), messages: z.array(z.string()) }),
    access: ['admin'],
  }),
  /** Online backup of the live database to a new file on this computer. */
  'system.backup': command({
    input: z.object({ file: z.string().min(1).max(1024) }),
    output: z.object({ file: z.string(), bytes: z.number().int() }),
    access: ['admin'],
  }),
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function roleAllows(access: Access, roles: readonly Role[]): boolean {
  if (typeof access === 'string') return true;
  return access.some((r) => roles.includes(r));
}
