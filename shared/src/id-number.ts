/**
 * Resident identity numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd = male), and a check character computed with ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK_CHARS[sum % 11]!
}

export type IdNumberProblem = 'format' | 'checksum' | 'birth_date'

export interface ParsedIdNumber {
  birthDate: string // YYYY-MM-DD
  sex: 'male' | 'female'
  regionCode: string // first 6 digits
}

/** Parses and validates; returns the problem instead of throwing so forms can say what is wrong. */
export function parseIdNumber(raw: string): { ok: true; value: ParsedIdNumber } | { ok: false; problem: IdNumberProblem } {
  const id = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, problem: 'birth_date' }
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checksum' }
  return {
    ok: true,
    value: {
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      regionCode: id.slice(0, 6),
    },
  }
}

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，最后一位可以是数字或X',
  checksum: '身份证号校验位不对，请核对每一位数字',
  birth_date: '身份证号中的出生日期不存在',
}

/** Shows only the last four characters: "**************123X". */
export function maskIdNumber(id: string): string {
  return '*'.repeat(Math.max(0, id.length - 4)) + id.slice(-4)
}

/** Shows 138****5678 style. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}
