/**
 * Children for API tests: a complete, valid file body (checksum-valid ID numbers, unique per call)
 * and a way to register one as the village's director.
 */
import { idNumberCheckChar, type CreateChildBody } from '@qstx/shared'
import type { App } from '../../server/src/app'
import { bearer, tokenFor } from './personas'

let seq = 0

/** A checksum-valid ID number for this birth date and sex, different on every call. */
export function testIdNumber(birthDate: string, gender: 'male' | 'female', region6 = '450225'): string {
  seq++
  const order = (seq * 2 + (gender === 'male' ? 1 : 0)) % 1000
  const first17 = `${region6}${birthDate.replace(/-/g, '')}${String(order).padStart(3, '0')}`
  return first17 + idNumberCheckChar(first17)
}

/** A left-behind girl of 10 (on the test clock's date, 2026-03-02) whose facts fit her category. */
export function childBody(overrides: Partial<CreateChildBody> = {}): CreateChildBody {
  const birthDate = overrides.birthDate ?? '2015-06-01'
  const gender = overrides.gender ?? 'female'
  return {
    name: '韦小花',
    gender,
    birthDate,
    idNumber: testIdNumber(birthDate, gender),
    ethnicity: '苗族',
    address: '广西融水苗族自治县古顶村3组12号',
    hukouType: 'rural',
    categories: ['left_behind'],
    school: { stage: 'primary', grade: 4, name: '古顶小学' },
    boarding: false,
    guardianship: '由祖母照顾',
    health: { status: 'healthy' },
    father: { status: 'away', awaySince: '2024-02-20' },
    mother: { status: 'away', awaySince: '2024-02-20' },
    guardians: [
      { relation: 'father', name: '韦大山', phone: '13800001111', healthy: true, occupation: '建筑工人' },
      { relation: 'mother', name: '梁秀英', phone: '13900002222', healthy: true, occupation: '电子厂工人' },
    ],
    incomePerCapita: 6000,
    entrustedCare: { carer: 'grandparents', reason: 'both_away', quality: 'fair' },
    risk: { level: 'medium', assessedAt: '2026-01-10', assessor: '李芳' },
    nearWater: true,
    specialAttention: [],
    priorityReasons: [],
    interests: ['画画', '跳绳'],
    needs: ['学业辅导'],
    serviceTips: '孩子怕生，第一次见面请带上祖母',
    directorWorkPhone: '07725123456',
    consent: { givenBy: '梁秀英', relation: 'mother', date: '2026-01-10', method: 'written' },
    ...overrides,
  }
}

/** Registers a child as the (test) director of `villageCode`; returns the created file. */
export async function registerChild(app: App, villageCode: string, overrides: Partial<CreateChildBody> = {}) {
  const token = await tokenFor(app, { role: 'child_director', regionCode: villageCode })
  const res = await app.inject({ method: 'POST', url: '/api/children', headers: bearer(token), payload: childBody(overrides) })
  if (res.statusCode !== 201) throw new Error(`register child failed (${res.statusCode}): ${res.body}`)
  return res.json().child as { id: string; version: number; guardians: Array<{ id: string }> } & Record<string, unknown>
}
