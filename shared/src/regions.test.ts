import { describe, expect, it } from 'vitest'
import { isWithinRegion, regionAncestry, regionLevel, regionPrefix, toRegionCode } from './regions'

describe('region codes', () => {
  it('tells the level from the 12-digit code', () => {
    expect(regionLevel('450000000000')).toBe('province')
    expect(regionLevel('450200000000')).toBe('city')
    expect(regionLevel('450225000000')).toBe('county')
    expect(regionLevel('450225101000')).toBe('township')
    expect(regionLevel('450225101201')).toBe('village')
  })

  it('contains a village in its township, county, city and province, and a region in itself', () => {
    for (const ancestor of ['450000000000', '450200000000', '450225000000', '450225101000', '450225101201']) {
      expect(isWithinRegion('450225101201', ancestor)).toBe(true)
    }
  })

  it('does not contain a sibling township or a neighbouring county', () => {
    expect(isWithinRegion('450225102201', '450225101000')).toBe(false)
    expect(isWithinRegion('450226101201', '450225000000')).toBe(false)
    // A township code is not inside the village that shares its prefix digits.
    expect(isWithinRegion('450225101000', '450225101201')).toBe(false)
  })

  it('rejects malformed codes instead of matching them by accident', () => {
    expect(isWithinRegion('4502251012', '450000000000')).toBe(false)
    expect(() => regionLevel('45')).toThrow(RangeError)
  })

  it('lists the ancestry from province down', () => {
    expect(regionAncestry('450225101201')).toEqual(['450000000000', '450200000000', '450225000000', '450225101000', '450225101201'])
    expect(regionPrefix('450225000000')).toBe('450225')
    expect(toRegionCode('4502')).toBe('450200000000')
  })
})
