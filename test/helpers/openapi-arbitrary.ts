/**
 * fast-check arbitraries from the OpenAPI document's request schemas (test/hostile-input.test.ts):
 * values that pass the schema as JSON Schema sees it (zod's refinements are not in it), made with
 * the demo's real ids and region codes so a request can get past validation into the services —
 * and the hostile values a fuzzer sends instead: control characters, lone surrogates, huge text,
 * numbers past every column's range, year-0000 and malformed dates.
 */
import fc from 'fast-check'

export type JsonSchema = Record<string, any> // `any`: a JSON Schema is whatever the document holds

export interface Pools {
  /** Real ids by the name of the field or path segment that takes them (e.g. pairingId, children). */
  ids: Record<string, string[]>
  regionCodes: string[]
}

const TEXT_UNITS = [...'王秀兰李芳读书陪伴孩子很开心abcXYZ0123 ,.，。']
const day = (d: Date) => d.toISOString().slice(0, 10)
const RECENT = { min: new Date('2025-06-01T00:00:00Z'), max: new Date('2026-03-01T00:00:00Z'), noInvalidDate: true }

const HOSTILE_TEXT = {
  nul: ['\u0000', 'a\u0000b', '王\u0000阿姨', '\u0000'.repeat(100)],
  control: ['\u0001\u0002\u0003', '\u001b[31m', '\u007f', '\b\f\v', '\u0085'],
  surrogate: ['\ud800', 'x\udfffy', '\udc00\ud800', '王\ud83d'],
  unicode: ['\ufeff', '\u202e反转', '\u200b', '\u2028\u2029', '\uffff', '👨‍👩‍👧'.repeat(50), 'e\u0301'.repeat(500), '𠮷'.repeat(300)],
  markup: ["' OR 1=1 --", '%_\\', '${7*7}', '<script>alert(1)</script>', ' ', '', '   \t  '],
}
const HOSTILE_DATES = [
  '0000-01-01', '0000-01-01T00:00:00Z', '-000001-01-01', '9999-12-31', '9999-12-31T23:59:59Z', '1899-12-31', '2100-01-01',
  '2026-02-30', '2026-13-01', '2026-1-1', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00.123456789123Z', '+275760-09-13T00:00:00Z',
  '1970-01-01T00:00:00+14:00', '2026-03-01T08:00:00', 'today',
]
const HOSTILE_NUMBERS = [0, -1, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 1e-320]

/** NUL first: PostgreSQL refuses it in text and jsonb, the commonest way a 500 got out. */
export const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT.nul) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT.control) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT.surrogate) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT.unicode) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT.markup) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(10_000), '王'.repeat(100_000)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
)
/** Hostile text, dates or numbers in place of a value of a request that would otherwise succeed. */
export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
)
/** Anything at all in place of a value: the wrong type too. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileScalar, fc.constantFrom(null, true, [], {}, ['\u0000'], { '\u0000': 1 }, [1e308]))

/** A query value as a client would encode it; a lone surrogate (which cannot be) as bytes no UTF-8 decoder accepts. */
export function encodeQueryValue(v: unknown): string {
  try {
    return encodeURIComponent(String(v))
  } catch {
    return '%ED%A0%80'
  }
}
/** Raw (already percent-encoded) path segments and query values: NUL, bad UTF-8, bad escapes, too long. */
export const hostileRawSegment = fc.constantFrom(
  '%00', 'a%00b', '%ED%A0%80', '%C0%80', '%FF', '%zz', '%', '..', '%2e%2e%2f', 'x'.repeat(300), '%E2%80%AE', '1e309', 'NaN', '-1',
  '0000-01-01', '00000000-0000-0000-0000-000000000000', '%F0%9F%91%A8', '%20', '',
)

export function resolver(doc: JsonSchema) {
  return function resolve(s: JsonSchema): JsonSchema {
    if (s?.$ref) return resolve(doc.components.schemas[String(s.$ref).split('/').pop()!])
    if (s?.allOf?.length === 1) return resolve({ ...s.allOf[0], ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'allOf')) })
    return s
  }
}

/** Values the JSON Schema accepts; `name` is the property's name, used to pick a real id. */
export function validArb(schema: JsonSchema, resolve: (s: JsonSchema) => JsonSchema, pools: Pools, name = ''): fc.Arbitrary<unknown> {
  const s = resolve(schema)
  const plain = s.nullable ? { ...s, nullable: false } : s
  if (s.nullable) return fc.oneof({ weight: 4, arbitrary: validArb(plain, resolve, pools, name) }, { weight: 1, arbitrary: fc.constant(null) })
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]))
  const alternatives = s.anyOf ?? s.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((a: JsonSchema) => validArb(a, resolve, pools, name)))
  if (s.allOf) return validArb(Object.assign({}, ...s.allOf.map(resolve)), resolve, pools, name)
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...idsFor(pools, name)) }, { weight: 1, arbitrary: fc.uuid() })
      if (s.format === 'date') return fc.date(RECENT).map(day)
      if (s.format === 'date-time') return fc.date(RECENT).map((d) => d.toISOString())
      if (s.pattern && /12/.test(s.pattern) && /\\d/.test(s.pattern)) return fc.constantFrom(...pools.regionCodes)
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern))
      return fc.string({ unit: fc.constantFrom(...TEXT_UNITS), minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 30) })
        .filter((v) => v.trim().length >= (s.minLength ?? 0))
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 })
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true })
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.uniqueArray(validArb(s.items ?? {}, resolve, pools, name), {
        minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3), selector: (v) => JSON.stringify(v),
      })
    case 'object': {
      const props = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)
      const model = Object.fromEntries(props.map(([key, p]) => [key, validArb(p, resolve, pools, key)]))
      return fc.record(model, { requiredKeys: (s.required ?? []) as string[] })
    }
    default:
      return fc.anything({ maxDepth: 1 })
  }
}

function idsFor(pools: Pools, name: string): string[] {
  const ids = pools.ids[name] ?? Object.values(pools.ids).flat()
  return ids.length ? ids : ['00000000-0000-4000-8000-000000000000']
}

/** The paths of a value's leaves (and of the value itself), to put a hostile value in one of them. */
export function leafPaths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => leafPaths(x, [...at, i]))]
  if (v && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...at, k]))]
  return [at]
}

export function setAt(v: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  const copy: any = Array.isArray(v) ? [...v] : { ...(v as object) }
  copy[head!] = setAt(copy[head!], rest, value)
  return copy
}

/** A valid value, or one with a single leaf (or an extra key) turned hostile. */
export function withHostileLeaf(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: valid },
    {
      weight: 3,
      arbitrary: valid.chain((v) => {
        const paths = leafPaths(v)
        return fc.tuple(fc.nat(paths.length - 1), hostileValue, fc.boolean()).map(([i, h, extraKey]) => {
          const path = paths[i]!
          const target = path.length ? path : []
          // Sometimes a key the schema does not know, holding the hostile value (mass assignment).
          if (extraKey && v && typeof v === 'object' && !Array.isArray(v)) return { ...v, ['\u0000role']: h, isAdmin: h }
          return setAt(v, target, h)
        })
      }),
    },
  )
}
