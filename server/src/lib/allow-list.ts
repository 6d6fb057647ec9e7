/**
 * A view's fields, taken by its zod object schema's keys (and, inside, by the keys of each nested
 * object, in arrays too): the schema is the allow-list and every other key is dropped — the job
 * zod's `parse` did for the policy layers, without checking every value a second time. Values are
 * checked against the same schemas as the reply is written (the route's response schema; in tests,
 * against zod itself: lib/serializer.ts). Parsing each row of a list with zod was a fifth of the
 * village list's CPU.
 */
import type { z } from 'zod'

type Pick = (value: unknown) => unknown

/** `fixed`: values of the schema's own keys that are the same for every value (a view's name). */
export function allowList<S extends z.ZodObject>(schema: S, fixed: Record<string, unknown> = {}): (value: object) => z.output<S> {
  return picker(schema, fixed) as (value: object) => z.output<S>
}

function picker(schema: z.ZodType, fixed: Record<string, unknown> = {}): Pick | undefined {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> }
  if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default') {
    const inner = picker(def.innerType!)
    return inner && ((v) => (v === null || v === undefined ? v : inner(v)))
  }
  if (def.type === 'array') {
    const item = picker(def.element!)
    return item && ((v) => (Array.isArray(v) ? v.map(item) : v))
  }
  if (def.type !== 'object') return undefined // a value: taken as it is
  const fields = Object.entries(def.shape!).map(([key, s]) => [key, picker(s)] as const)
  return objectPicker(fields, fixed)
}

/**
 * The object's copy is one object literal, generated once per schema — as fast-json-stringify
 * generates its writers. Written key by key (`out[key] = …`), a view of sixty fields went past
 * V8's limit for fast properties after the sixteenth and became a hash table: 5.3 µs to copy a
 * child's file and slower reads for the serializer after it, where the literal takes under 1 µs.
 * A key the value lacks comes out undefined, which the serializer and JSON leave out as before.
 * Keys are the schema's own, written as JSON string literals.
 */
function objectPicker(fields: ReadonlyArray<readonly [string, Pick | undefined]>, fixed: Record<string, unknown>): Pick {
  // In an object literal that key would set the copy's prototype instead.
  if (fields.some(([key]) => key === '__proto__')) throw new Error('a view cannot have a "__proto__" field')
  const picks = fields.map(([, pick]) => pick)
  const fixedValues = fields.map(([key]) => (Object.hasOwn(fixed, key) ? fixed[key] : undefined))
  const body = fields
    .map(([key, pick], i) => {
      const k = JSON.stringify(key)
      // A key every object inherits (`constructor`, `toString`) is read only when the value has it itself.
      const read = key in Object.prototype ? `(Object.hasOwn(v, ${k}) ? v[${k}] : undefined)` : `v[${k}]`
      return `${k}: ${Object.hasOwn(fixed, key) ? `fixed[${i}]` : pick ? `picks[${i}](${read})` : read}`
    })
    .join(',\n')
  return new Function('fixed', 'picks', `return function pick(v) {\n  if (!v || typeof v !== 'object') return v\n  return {\n${body}\n}\n}`)(fixedValues, picks) as Pick
}
