import { describe, expect, it } from 'vitest'
import { canPairingTransition, foldPairingEvents, isLivePairing, type PairingEventFacts } from './lifecycle'
import { explainMatch, interestSkills, nearness, needSkills } from './matching'

const ev = (type: PairingEventFacts['type'], at: string, extra: Partial<PairingEventFacts> = {}): PairingEventFacts => ({
  type, at, actorUserId: 'u1', reason: null, endReason: null, startDate: null, expectedResumeDate: null, ...extra,
})

describe('the pairing state machine', () => {
  it('allows only the documented steps', () => {
    expect(canPairingTransition('proposed', 'acknowledge')).toBe(true)
    expect(canPairingTransition('proposed', 'approve')).toBe(false)
    expect(canPairingTransition('active', 'decline')).toBe(false)
    expect(canPairingTransition('paused', 'end')).toBe(true)
    expect(canPairingTransition('ended', 'resume')).toBe(false)
    expect(['proposed', 'acknowledged', 'active', 'paused', 'ended', 'declined'].filter((s) => isLivePairing(s as never))).toEqual(['proposed', 'acknowledged', 'active', 'paused'])
  })

  it('folds a ledger into the current state', () => {
    const p = foldPairingEvents([
      ev('proposed', '2026-03-01T01:00:00.000Z'),
      ev('acknowledged', '2026-03-02T01:00:00.000Z', { actorUserId: 'd1' }),
      ev('approved', '2026-03-03T01:00:00.000Z', { startDate: '2026-03-05' }),
      ev('paused', '2026-04-01T01:00:00.000Z', { reason: '住院', expectedResumeDate: '2026-05-01' }),
      ev('resumed', '2026-04-20T01:00:00.000Z'),
      ev('ended', '2026-06-01T01:00:00.000Z', { endReason: 'child_moved', reason: '随父母去广东' }),
    ])
    expect(p).toMatchObject({
      state: 'ended', acknowledgedById: 'd1', startDate: '2026-03-05', pausedAt: null, expectedResumeDate: null,
      endReason: 'child_moved', endNote: '随父母去广东', stateChangedAt: '2026-06-01T01:00:00.000Z',
    })
    expect(() => foldPairingEvents([ev('approved', '2026-03-03T01:00:00.000Z')])).toThrow(/starts with its proposal/)
  })
})

describe('matching', () => {
  it('reads the director\'s words for needs and interests, synonyms included', () => {
    expect(needSkills(['阅读指导', '精神陪伴', '心理健康引导', '不认识的词'])).toEqual(['reading', 'companionship', 'counselling'])
    expect(interestSkills(['画画', '跳舞', '篮球'])).toEqual(['arts', 'sport_play'])
  })

  it('places a service area in the region tree relative to the child\'s village', () => {
    expect(nearness('450225101201', '450225101201')).toBe('village')
    expect(nearness('450225101201', '450225101202')).toBe('township')
    expect(nearness('450225101201', '450225101000')).toBe('township')
    expect(nearness('450225101201', '450225000000')).toBe('county_wide')
    expect(nearness('450225101201', '450225102000')).toBe('county')
  })

  it('counts at most two needs met and the free share of capacity', () => {
    const child = { villageCode: '450225101201', needs: ['阅读指导', '学业辅导', '心理疏导'], interests: [] }
    const v = { serviceRegionCode: '450225102201', skills: ['reading', 'study', 'counselling'], contactModes: ['letter'], capacity: 3, livePairings: 2 }
    expect(explainMatch(child, v)).toEqual({ score: 10 + 30 + 3, reasons: ['同一县', '擅长阅读指导，正是孩子需要的', '擅长学业辅导，正是孩子需要的', '还可以再结对1名儿童'] })
  })
})
