import { describe, expect, it } from 'vitest'
import { ageOn, agingOutCategories, bornOnOrBefore, chinaDate } from './age'
import { gradeBand, hasGuardianConsent, maskAddress } from './display'

describe('chinaDate', () => {
  it('is the calendar date in China, whatever the machine zone (tests run in Los Angeles)', () => {
    expect(chinaDate(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31')
    expect(chinaDate(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01')
  })
})

describe('ageOn', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('2010-03-02', '2026-03-01')).toBe(15)
    expect(ageOn('2010-03-02', '2026-03-02')).toBe(16)
  })

  it('ages a 29 February child on 1 March in other years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
  })
})

describe('bornOnOrBefore', () => {
  it('agrees with ageOn, also around 29 February', () => {
    for (const today of ['2026-03-02', '2024-02-29', '2025-02-28', '2026-12-31']) {
      const cutoff = bornOnOrBefore(today, 16)
      expect(ageOn(cutoff, today), today).toBe(16)
      const next = new Date(Date.parse(`${cutoff}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
      expect(ageOn(next, today), today).toBe(15)
    }
  })
})

describe('agingOutCategories', () => {
  it('flags left-behind at 16 and in-difficulty at 18', () => {
    expect(agingOutCategories(['left_behind', 'in_difficulty'], '2010-03-02', '2026-03-02')).toEqual(['left_behind'])
    expect(agingOutCategories(['left_behind', 'in_difficulty'], '2008-03-02', '2026-03-02')).toEqual(['left_behind', 'in_difficulty'])
    expect(agingOutCategories(['in_difficulty'], '2010-03-02', '2026-03-02')).toEqual([])
  })
})

describe('display rules', () => {
  it('masks an address after the village', () => {
    expect(maskAddress('广西融水苗族自治县古顶村3组12号')).toBe('广西融水苗族自治县古顶村****')
    expect(maskAddress('和平社区5栋201')).toBe('和平社区****')
    expect(maskAddress('3组12号')).toBe('****')
  })

  it('bands grades for volunteers', () => {
    expect(gradeBand('primary', 3)).toBe('primary_lower')
    expect(gradeBand('primary', 4)).toBe('primary_upper')
    expect(gradeBand('vocational', null)).toBe('senior')
    expect(gradeBand(null, null)).toBeNull()
  })

  it('needs a name and a date for consent', () => {
    expect(hasGuardianConsent({ givenBy: '梁秀英', date: '2026-01-10' })).toBe(true)
    expect(hasGuardianConsent({ givenBy: ' ', date: '2026-01-10' })).toBe(false)
    expect(hasGuardianConsent(null)).toBe(false)
  })
})
