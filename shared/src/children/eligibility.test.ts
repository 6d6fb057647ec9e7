import { describe, expect, it } from 'vitest'
import { eligibilityWarnings, threeMonthsBefore, type EligibilityFacts } from './eligibility'

const TODAY = '2026-03-02'
const leftBehind: EligibilityFacts = {
  categories: ['left_behind'],
  difficultyKinds: [],
  birthDate: '2015-06-01',
  hukouType: 'rural',
  father: { status: 'away', awaySince: '2025-02-01' },
  mother: { status: 'away', awaySince: '2025-02-01' },
  healthStatus: 'healthy',
  assistance: [],
  familySubsidies: [],
}
const codes = (f: Partial<EligibilityFacts>) => eligibilityWarnings({ ...leftBehind, ...f }, TODAY).map((w) => w.code)

describe('left-behind hints', () => {
  it('accept both parents away for 3+ months, rural hukou, under 16', () => {
    expect(codes({})).toEqual([])
  })

  it('accept one parent away and the other without guardianship capacity (incapable, deceased, missing)', () => {
    for (const status of ['incapable', 'deceased', 'missing'] as const) expect(codes({ mother: { status } }), status).toEqual([])
  })

  it('warn when a parent is at home, or both are incapable and none away', () => {
    expect(codes({ mother: { status: 'at_home' } })).toEqual(['LEFT_BEHIND_PARENTS'])
    expect(codes({ father: { status: 'incapable' }, mother: { status: 'deceased' } })).toEqual(['LEFT_BEHIND_PARENTS'])
  })

  it('warn when the parents have been away less than 3 months (exactly 3 months is enough)', () => {
    expect(codes({ father: { status: 'away', awaySince: '2025-12-03' } })).toEqual(['LEFT_BEHIND_DURATION'])
    expect(codes({ father: { status: 'away', awaySince: '2025-12-02' } })).toEqual([])
    // Unknown start: no claim either way.
    expect(codes({ father: { status: 'away', awaySince: null } })).toEqual([])
  })

  it('warn at 16 and on urban hukou, and ask for the parents when unknown', () => {
    expect(codes({ birthDate: '2010-03-02' })).toEqual(['LEFT_BEHIND_AGE'])
    expect(codes({ birthDate: '2010-03-03' })).toEqual([])
    expect(codes({ hukouType: 'urban' })).toEqual(['LEFT_BEHIND_HUKOU'])
    expect(codes({ father: null })).toEqual(['LEFT_BEHIND_PARENTS_UNKNOWN'])
  })
})

describe('in-difficulty hints', () => {
  const difficulty: Partial<EligibilityFacts> = { categories: ['in_difficulty'], father: { status: 'at_home' }, mother: { status: 'at_home' } }

  it('ask for the kind', () => {
    expect(codes(difficulty)).toEqual(['IN_DIFFICULTY_KIND_MISSING'])
  })

  it('poverty needs 低保/特困/临时 aid on file', () => {
    expect(codes({ ...difficulty, difficultyKinds: ['poverty'] })).toEqual(['IN_DIFFICULTY_POVERTY'])
    expect(codes({ ...difficulty, difficultyKinds: ['poverty'], familySubsidies: [{ kind: 'dibao' }] })).toEqual([])
    expect(codes({ ...difficulty, difficultyKinds: ['poverty'], assistance: [{ kind: 'temporary' }] })).toEqual([])
  })

  it('disability needs the health status to say so', () => {
    expect(codes({ ...difficulty, difficultyKinds: ['disability'] })).toEqual(['IN_DIFFICULTY_DISABILITY'])
    expect(codes({ ...difficulty, difficultyKinds: ['disability'], healthStatus: 'disability' })).toEqual([])
  })

  it('guardianship needs a missing or incapable parent, orphan/de-facto aid, or a description', () => {
    expect(codes({ ...difficulty, difficultyKinds: ['guardianship'] })).toEqual(['IN_DIFFICULTY_GUARDIANSHIP'])
    expect(codes({ ...difficulty, difficultyKinds: ['guardianship'], father: { status: 'deceased' } })).toEqual([])
    expect(codes({ ...difficulty, difficultyKinds: ['guardianship'], assistance: [{ kind: 'de_facto_unsupported' }] })).toEqual([])
    expect(codes({ ...difficulty, difficultyKinds: ['guardianship'], guardianship: '父亲酗酒，经常打骂孩子' })).toEqual([])
  })

  it('warn at 18, and when a kind is given without the category', () => {
    expect(codes({ ...difficulty, difficultyKinds: ['disability'], healthStatus: 'disability', birthDate: '2008-03-02' })).toEqual(['IN_DIFFICULTY_AGE'])
    expect(codes({ difficultyKinds: ['poverty'] })).toEqual(['DIFFICULTY_KIND_WITHOUT_CATEGORY'])
  })

  it('gives each warning a Chinese sentence', () => {
    const [w] = eligibilityWarnings({ ...leftBehind, hukouType: 'urban' }, TODAY)
    expect(w).toEqual({ code: 'LEFT_BEHIND_HUKOU', message: expect.stringMatching(/农村户籍/) })
  })
})

describe('threeMonthsBefore', () => {
  it('steps back calendar months, clamping to the month end', () => {
    expect(threeMonthsBefore('2026-03-02')).toBe('2025-12-02')
    expect(threeMonthsBefore('2026-05-31')).toBe('2026-02-28')
    expect(threeMonthsBefore('2024-05-31')).toBe('2024-02-29')
  })
})
