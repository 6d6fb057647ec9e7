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
  return (v) => {
    if (!v || typeof v !== 'object') return v
    const out: Record<string, unknown> = {}
    for (const [key, pick] of fields) {
      if (key in fixed) out[key] = fixed[key]
      else if (key in v) out[key] = pick ? pick((v as Record<string, unknown>)[key]) : (v as Record<string, unknown>)[key]
    }
    return out
  }
}
