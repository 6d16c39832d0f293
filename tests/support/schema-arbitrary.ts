/**
 * fast-check arbitraries derived from a command's zod input schema (through its JSON Schema), so
 * that a command added to the contract is fuzzed without anyone writing a generator for it.
 *
 * `validInput` follows the schema; `nearMiss` follows it but, at any node, may break one rule
 * (wrong type, a length or range one past its bound, a missing or extra key, a value no JSON
 * parser would give: NaN, BigInt, a Date, a `__proto__` key). Strings named like ids, passwords or
 * files are drawn partly from pools of real values, so calls get past "not found" into the rules.
 */
import fc from 'fast-check';
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Real values to draw from, so that some calls reach the services' rules. */
export interface Pools {
  ids: string[];
  passwords: string[];
  integers: number[];
}

/** Longer strings than this are not generated (a 20 MB body is a size test, not a fuzz case). */
const MAX_GENERATED_LENGTH = 300;
/** Length bounds above this are not probed with a string one past them. */
const MAX_PROBED_LENGTH = 100_000;

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>window.__pwned=1</script>',
  '%s%n',
  '\u202e\ufeff',
  '𠮷'.repeat(10),
  'constructor',
  '__proto__',
];

/** Values a JSON body cannot carry but Electron's structured clone can. */
const exotic = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, undefined, 10n ** 20n, new Date(0), new Map([['a', 1]]), new Uint8Array([1, 2]), JSON.parse('{"__proto__":{"polluted":true}}'));

/** Any JSON value, or now and then one only structured clone can carry. */
export const anyValue = (): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: exotic() });

const poolFor = (key: string, pools: Pools): string[] | null => {
  if (/password/i.test(key)) return pools.passwords;
  if (/(^id$|Id$|Ids$|^ids$)/.test(key)) return pools.ids;
  return null;
};

function stringArbitrary(s: JsonSchema, key: string, pools: Pools): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? MAX_GENERATED_LENGTH, Math.max(min, MAX_GENERATED_LENGTH));
  const fits = (v: string) => v.length >= min && v.length <= (s.maxLength ?? Infinity);
  if (key === 'file') return fc.stringMatching(/^[a-z0-9-]{1,20}\.db$/); // a backup target: stays inside the data folder
  if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  const matching = s.pattern ? fc.stringMatching(new RegExp(s.pattern)).filter(fits) : null;
  // Most strings matching YYYY-MM-DD are not days; real ones get the calls further.
  if (matching && s.pattern === DATE_PATTERN) return fc.oneof(matching, fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  if (matching) return matching;
  const free = fc.string({ minLength: min, maxLength: max, unit: fc.oneof(fc.constantFrom('a', '1', ' ', '-', '.', '中', '文'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
  const pool = poolFor(key, pools);
  const pooled = pool ? [{ weight: 3, arbitrary: fc.constantFrom(...pool).filter(fits) }] : [];
  return fc.oneof(...pooled, { weight: 2, arbitrary: free }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).filter(fits) });
}

function numberArbitrary(s: JsonSchema, integer: boolean, pools: Pools): fc.Arbitrary<number> {
  const min = Math.max(s.minimum ?? (s.exclusiveMinimum ?? -1e6 - 1) + (integer ? 1 : 0), -1e6);
  const max = Math.min(s.maximum ?? (s.exclusiveMaximum ?? 1e6 + 1) - (integer ? 1 : 0), 1e6);
  const inRange = (n: number) => n >= min && n <= max;
  const base = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const pooled = pools.integers.filter(inRange);
  return pooled.length ? fc.oneof(base, fc.constantFrom(...pooled)) : base;
}

function typesOf(s: JsonSchema): string[] {
  if (Array.isArray(s.type)) return s.type;
  return s.type ? [s.type] : [];
}

/** Values the schema accepts (as far as JSON Schema can say: refinements may still refuse some). */
export function validInput(s: JsonSchema, pools: Pools, key = '', nearMissAt: (s: JsonSchema, key: string) => fc.Arbitrary<unknown> = (c, k) => validInput(c, pools, k)): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((member) => nearMissAt(member, key)));
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => nearMissAt({ ...s, type }, key)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(s, key, pools);
    case 'integer':
      return numberArbitrary(s, true, pools);
    case 'number':
      return numberArbitrary(s, false, pools);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((item) => nearMissAt(item, key)));
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, minLength + 4);
      return fc.array(nearMissAt(s.items ?? {}, key.replace(/s$/, '')), { minLength, maxLength });
    }
    case 'object': {
      if (!s.properties) return fc.dictionary(fc.string({ maxLength: 12 }), nearMissAt(typeof s.additionalProperties === 'object' ? s.additionalProperties : {}, key), { maxKeys: 4 });
      const shape = Object.fromEntries(Object.entries(s.properties).map(([name, child]) => [name, nearMissAt(child, name)]));
      return fc.record(shape, { requiredKeys: s.required ?? [] });
    }
    default:
      return anyValue();
  }
}

/** One rule of the schema broken at this node. */
function broken(s: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [anyValue()];
  const types = typesOf(s);
  if (types.includes('string')) {
    if (s.maxLength !== undefined && s.maxLength < MAX_PROBED_LENGTH) options.push(fc.constant('x'.repeat(s.maxLength + 1)));
    if (s.minLength) options.push(fc.constant('x'.repeat(s.minLength - 1)));
    if (s.pattern || s.format || s.enum) options.push(fc.string({ maxLength: 20 }));
  }
  if (types.includes('integer')) options.push(fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }));
  if (types.includes('integer') || types.includes('number')) {
    if (s.minimum !== undefined) options.push(fc.constant(s.minimum - 1));
    if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) options.push(fc.constant(s.maximum + 1));
  }
  if (types.includes('array') && s.maxItems !== undefined && s.maxItems < 1000) options.push(fc.constant(Array.from({ length: s.maxItems + 1 }, () => 'x')));
  if (types.includes('object') && s.properties) {
    const required = s.required ?? [];
    if (required.length) options.push(fc.constantFrom(...required).map((missing) => Object.fromEntries(required.filter((k) => k !== missing).map((k) => [k, 'x']))));
    options.push(fc.record({ unexpected: fc.jsonValue({ maxDepth: 1 }) }));
  }
  return fc.oneof(...options);
}

/** Mostly well-formed input with, now and then, one broken node anywhere in it. */
export function nearMiss(s: JsonSchema, pools: Pools, key = ''): fc.Arbitrary<unknown> {
  const shaped = validInput(s, pools, key, (child, childKey) => nearMiss(child, pools, childKey));
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: broken(s) });
}
