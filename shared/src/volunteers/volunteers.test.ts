import { describe, expect, it } from 'vitest'
import { ACCEPTANCE_TEXTS, ACCEPTANCE_VERSIONS } from './acceptances'
import { missingSignUpFields, type SignUpSnapshot } from './completeness'
import { canTransition, VOLUNTEER_TRANSITIONS } from './lifecycle'
import { VOLUNTEER_STATUSES } from './options'

const complete: SignUpSnapshot = {
  realName: '王秀兰', hasPhone: true, hasIdNumber: true, gender: 'female', kind: 'love_mother', workUnit: '和睦镇妇联',
  serviceRegionCode: '450225101000', skills: ['reading'], availability: ['weekends'], contactModes: ['home_visit'],
  accepted: { privacy: [ACCEPTANCE_VERSIONS.privacy], pledge: [ACCEPTANCE_VERSIONS.pledge], criminal_record: [ACCEPTANCE_VERSIONS.criminal_record] },
}

describe('missingSignUpFields', () => {
  it('finds nothing missing in a complete sign-up', () => {
    expect(missingSignUpFields(complete)).toEqual([])
  })

  it('asks an individual volunteer for no work unit, everyone else for one', () => {
    expect(missingSignUpFields({ ...complete, workUnit: null })).toEqual(['workUnit'])
    expect(missingSignUpFields({ ...complete, workUnit: null, kind: 'individual' })).toEqual([])
  })

  it('counts only the current version of each text as accepted', () => {
    expect(missingSignUpFields({ ...complete, accepted: { ...complete.accepted, pledge: ['2020-01'] } })).toEqual(['acceptances.pledge'])
  })
})

describe('VOLUNTEER_TRANSITIONS', () => {
  it('lets nothing leave rejected or withdrawn, and only approval reach approved', () => {
    for (const t of Object.keys(VOLUNTEER_TRANSITIONS) as Array<keyof typeof VOLUNTEER_TRANSITIONS>) {
      expect(canTransition('rejected', t), t).toBe(false)
      expect(canTransition('withdrawn', t), t).toBe(false)
    }
    const intoApproved = Object.entries(VOLUNTEER_TRANSITIONS).filter(([, v]) => v.to === 'approved').map(([k]) => k)
    expect(intoApproved).toEqual(['approve'])
  })

  it('approves only from submitted: an application waiting for information comes back first', () => {
    expect(VOLUNTEER_STATUSES.filter((s) => canTransition(s, 'approve'))).toEqual(['submitted'])
  })
})

describe('ACCEPTANCE_TEXTS', () => {
  it('has a title, text and button words for every document', () => {
    for (const doc of Object.keys(ACCEPTANCE_VERSIONS) as Array<keyof typeof ACCEPTANCE_TEXTS>) {
      expect(ACCEPTANCE_TEXTS[doc].title.length).toBeGreaterThan(0)
      expect(ACCEPTANCE_TEXTS[doc].paragraphs.length).toBeGreaterThan(0)
      expect(ACCEPTANCE_TEXTS[doc].agree.length).toBeGreaterThan(0)
    }
  })
})
