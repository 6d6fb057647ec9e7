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
      const json = z.toJSONSchema(route.schema as z.ZodType, { io: 'output', target: 'draft-7', unrepresentable: 'throw' })
      compiled = fastJson(json as Parameters<typeof fastJson>[0]) as (data: unknown) => string
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
