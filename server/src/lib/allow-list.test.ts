import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { allowList } from './allow-list'

describe('allowList', () => {
  const Guardian = z.object({ name: z.string(), phoneMasked: z.string().nullable() })
  const View = z.object({
    view: z.literal('full'),
    name: z.string(),
    guardians: z.array(Guardian),
    director: z.object({ name: z.string() }).nullable(),
    tags: z.array(z.string()),
  })

  it("keeps only the schema's keys, in nested objects and arrays of them too, and sets the fixed ones", () => {
    const pick = allowList(View, { view: 'full' })
    const out = pick({
      name: '韦小花', idNumberEnc: 'sealed', tags: ['a'],
      guardians: [{ name: '韦大', phoneMasked: '138****0000', phoneEnc: 'sealed' }],
      director: { name: '李芳', workPhone: '13800000000' },
    })
    expect(out).toEqual({ view: 'full', name: '韦小花', guardians: [{ name: '韦大', phoneMasked: '138****0000' }], director: { name: '李芳' }, tags: ['a'] })
    expect(JSON.stringify(out)).not.toContain('sealed')
    expect(Object.keys(out)).toEqual(['view', 'name', 'guardians', 'director', 'tags'])
    expect(pick({ name: 'x', guardians: [], director: null, tags: [] })).toEqual({ view: 'full', name: 'x', guardians: [], director: null, tags: [] })
  })

  it('copies keys of any spelling, and none an object only inherits (the copy is generated code)', () => {
    const Odd = z.object({ 'a"b': z.string(), "c'd\\\n": z.number(), constructor: z.string().optional() })
    const pick = allowList(Odd)
    expect(pick({ 'a"b': 'x', "c'd\\\n": 1, other: 2 })).toEqual({ 'a"b': 'x', "c'd\\\n": 1 })
    expect(Object.keys(pick({ 'a"b': 'x', "c'd\\\n": 1 }))).toEqual(['a"b', "c'd\\\n", 'constructor'])
  })
})
