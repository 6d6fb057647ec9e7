import { describe, expect, it } from 'vitest'
import { idNumberCheckChar, maskIdNumber, maskPhone, parseIdNumber } from './id-number'

// The GB 11643 example number; its check character is X.
const VALID = '11010519491231002X'

describe('parseIdNumber', () => {
  it('accepts a valid number and reads the birth date and sex from it', () => {
    const r = parseIdNumber(VALID)
    expect(r).toEqual({ ok: true, value: { birthDate: '1949-12-31', sex: 'female', regionCode: '110105' } })
  })

  it('accepts a lower-case x as the check character', () => {
    expect(parseIdNumber(VALID.toLowerCase()).ok).toBe(true)
  })

  it('refuses a wrong check character', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checksum' })
  })

  it('refuses a date that does not exist', () => {
    const first17 = '45022520230230001'
    expect(parseIdNumber(first17 + idNumberCheckChar(first17))).toEqual({ ok: false, problem: 'birth_date' })
  })

  it('refuses the wrong length or letters', () => {
    expect(parseIdNumber('1101051949123100')).toEqual({ ok: false, problem: 'format' })
    expect(parseIdNumber('11010519491231002A')).toEqual({ ok: false, problem: 'format' })
  })
})

describe('masking', () => {
  it('shows only the last four characters of an ID number', () => {
    expect(maskIdNumber(VALID)).toBe('**************002X')
  })
  it('shows the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
})
