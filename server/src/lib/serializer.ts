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
      compiled = byDiscriminator(json) ?? compile(json)
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

type JsonSchema = { $ref?: string; definitions?: Record<string, JsonSchema>; oneOf?: JsonSchema[]; anyOf?: JsonSchema[]; properties?: Record<string, { const?: unknown }> }
const compile = (json: JsonSchema) => fastJson(json as Parameters<typeof fastJson>[0]) as (data: unknown) => string

/**
 * A union told apart by one property's constant (zod's discriminatedUnion, such as the child file's
 * `view`) is compiled branch by branch and chosen by that property. fast-json-stringify would
 * validate the whole reply against each branch with ajv to find the one that fits: 5 % of the child
 * file's CPU, every date format checked by a regular expression on every request.
 */
function byDiscriminator(json: JsonSchema): ((data: unknown) => string) | undefined {
  const resolve = (s: JsonSchema) => (s.$ref?.startsWith('#/definitions/') ? (json.definitions?.[s.$ref.slice(14)] ?? s) : s)
  const root = resolve(json)
  const branches = root.oneOf ?? root.anyOf
  if (!branches?.length) return undefined
  const shapes = branches.map(resolve)
  const key = Object.keys(shapes[0]!.properties ?? {}).find((k) => shapes.every((b) => b.properties?.[k]?.const !== undefined))
  if (!key) return undefined
  const byValue = new Map(branches.map((b, i) => [shapes[i]!.properties![key]!.const, compile({ ...b, definitions: json.definitions })]))
  return (data) => {
    const serialize = byValue.get((data as Record<string, unknown>)[key])
    if (!serialize) throw new Error(`no response schema for ${key} = ${JSON.stringify((data as Record<string, unknown>)[key])}`)
    return serialize(data)
  }
}

