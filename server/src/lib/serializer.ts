/**
 * Response serialization: each route's zod response schema is turned into JSON Schema once, at
 * start-up, and compiled by fast-json-stringify (Fastify's own serializer), instead of validating
 * every reply with zod and then calling JSON.stringify — on a list page that was most of the
 * request's CPU. What stays true: only the properties a schema declares are written, so the
 * response schema remains the second line of defence for which fields leave the server.
 *
 * What zod checked and fast-json-stringify does not is the values' types and formats; so in tests
 * (`verify`) every reply is also encoded by zod and the two must agree — the whole suite checks
 * the compiled serializers against the schemas they came from. A schema JSON Schema cannot express
 * keeps zod's serializer.
 */
import fastJson from 'fast-json-stringify'
import { isDeepStrictEqual } from 'node:util'
import { createSerializerCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'

type RouteSchema = Parameters<ReturnType<typeof createSerializerCompiler>>[0]

const zodSerializer = createSerializerCompiler({})

export function responseSerializerCompiler(opts: { verify: boolean }) {
  return (route: RouteSchema): ((data: unknown) => string) => {
    const bySchema = zodSerializer(route)
    let compiled: (data: unknown) => string
    try {
      const json = z.toJSONSchema(route.schema as z.ZodType, { io: 'output', target: 'draft-7', unrepresentable: 'throw' }) as JsonSchema
      compiled = compile(json)
    } catch {
      return bySchema
    }
    if (!opts.verify) return compiled
    return (data) => {
      const expected = bySchema(data) // throws as in production's second line of defence would
      const out = compiled(data)
      if (!isDeepStrictEqual(JSON.parse(out), JSON.parse(expected))) {
        throw new Error(`compiled serializer of ${route.method} ${route.url} disagrees with its zod schema:\n  zod:      ${expected.slice(0, 400)}\n  compiled: ${out.slice(0, 400)}`)
      }
      return out
    }
  }
}

type JsonSchema = { $ref?: string; definitions?: Record<string, JsonSchema>; oneOf?: JsonSchema[]; anyOf?: JsonSchema[]; properties?: Record<string, JsonSchema>; const?: unknown; [k: string]: unknown }

/**
 * Compiles with fast-json-stringify, after writing each union told apart by one property's constant
 * (zod's discriminatedUnion, such as a child's `view`) as if/then/else on that property, and each
 * nullable value as a list of two types. For a oneOf/anyOf, fast-json-stringify validates the whole
 * value against each branch with ajv to find the one that fits — on a list, every row, every date
 * format checked by a regular expression (5 % of the child file's CPU, more on the ledger's twelve
 * nullable columns a row); an `if` tests the one property, a type list the value's type.
 */
function compile(json: JsonSchema): (data: unknown) => string {
  return fastJson(withDiscriminators(json, json.definitions ?? {}) as Parameters<typeof fastJson>[0]) as (data: unknown) => string
}

function withDiscriminators(node: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  const walk = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? withDiscriminators(v as JsonSchema, definitions) : v
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)])) as JsonSchema
  const branches = out.oneOf ?? out.anyOf
  if (!branches?.length) return out
  const resolve = (b: JsonSchema) => (b.$ref?.startsWith('#/definitions/') ? (definitions[b.$ref.slice(14)] ?? b) : b)
  // A nullable value (zod's .nullable(): anyOf [the value, null]) as one type list, which
  // fast-json-stringify tells apart by the value's JavaScript type, without ajv.
  const nulls = branches.filter((b) => b.type === 'null' && Object.keys(b).length === 1)
  if (branches.length === 2 && nulls.length === 1) {
    const value = resolve(branches.find((b) => !nulls.includes(b))!)
    if (typeof value.type === 'string' && value.type !== 'null' && !value.oneOf && !value.anyOf && !value.if) {
      const { oneOf: _o, anyOf: _a, ...rest } = out
      return { ...rest, ...value, type: [value.type, 'null'] }
    }
  }
  const shapes = branches.map(resolve)
  const key = Object.keys(shapes[0]!.properties ?? {}).find((k) => shapes.every((b) => b.properties?.[k]?.const !== undefined))
  if (!key) return out
  const { oneOf: _o, anyOf: _a, ...rest } = out
  const chain = (i: number): JsonSchema =>
    i === branches.length - 1 ? branches[i]! : { type: 'object', if: { type: 'object', properties: { [key]: { const: shapes[i]!.properties![key]!.const } }, required: [key] }, then: branches[i]!, else: chain(i + 1) }
  return { ...rest, ...chain(0) }
}
