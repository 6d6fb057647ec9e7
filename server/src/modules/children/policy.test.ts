/**
 * The allow-list of every role, snapshot-tested: a field reaches a role only if this snapshot
 * changes in review. The candidate holds every field any view could show, so each snapshot is
 * exactly what the role's view lets through.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ROLES, ROLE_REGION_LEVELS, roleCan } from '@qstx/shared'
import { Keyring, parseDataKeys, randomKeySpec } from '../../lib/crypto'
import type { ScopedActor } from '../../lib/actor'
import type { ChildFile } from './file'
import { ROLE_VIEWS, redactCard, redactFile, redactFullFile, redactRow } from './policy'
import { candidate, rowCandidate } from './views'

const keyring = new Keyring(parseDataKeys(randomKeySpec('p1')), randomBytes(32))
const ID = '450225201506019021'
const file: ChildFile = {
  id: '11111111-1111-4111-8111-111111111111', version: 3, villageCode: '450225101201', name: '韦小花', displayName: '小花',
  gender: 'female', ethnicity: '苗族', birthDate: '2015-06-01', idNumberEnc: keyring.encrypt(ID), idNumberLast4: ID.slice(-4),
  addressEnc: keyring.encrypt('古顶村3组12号'), hukouType: 'rural', categories: ['left_behind', 'in_difficulty'], difficultyKinds: ['poverty'],
  singleParentFamily: 'no', school: { stage: 'primary', grade: 4, name: '古顶小学' }, boarding: true, guardianship: '祖母照顾',
  health: { status: 'chronic_illness', detail: '哮喘', disabilityGrade: null }, psychBehaviour: '内向', assistance: [{ kind: 'dibao', yuanPerMonth: 300 }],
  educationAid: '雨露计划', medicalAid: null, otherAid: null, father: { status: 'away', awaySince: '2024-01-01' }, mother: { status: 'incapable', awaySince: null },
  guardians: [{ id: '22222222-2222-4222-8222-222222222222', relation: 'grandmother', name: '韦奶奶', phoneEnc: keyring.encrypt('13812345678'), healthy: false, healthDetail: '高血压', occupation: '务农' }],
  incomePerCapita: 4800, familySubsidies: [{ kind: 'dibao', yuanPerMonth: 600 }], socialSupport: '爱心企业助学', entrustedCare: { carer: 'grandparents', reason: 'one_away_other_incapable', quality: 'fair', carerName: '韦奶奶', since: '2023-03-01', agreementOn: null, parentContact: { frequency: 'weekly', modes: ['video'] }, assessedOn: null, followUp: null },
  careGiven: '送学习用品', otherNotes: null, filedByName: '李芳', filedAt: '2026-01-05', risk: { level: 'high', assessedAt: '2026-01-05', assessor: '李芳' },
  nearWater: true, specialAttention: ['parent_disability'], priorityReasons: ['ill_or_disabled_poor'], interests: ['画画'], needs: ['学业辅导'],
  serviceTips: '周末在家', directorWorkPhone: '07725123456', consent: { givenBy: '韦奶奶', relation: 'grandmother', date: '2026-01-05', method: 'thumbprint' },
  closed: null, createdAt: '2026-01-05T01:00:00.000Z', updatedAt: '2026-02-01T01:00:00.000Z',
}
const c = candidate(file, { keyring, today: '2026-03-02', villageName: '古顶村委会', pairingStatus: 'unpaired', directorName: '李芳' })
const actor = (role: (typeof ROLES)[number]) => ({ role }) as ScopedActor

describe('children views per role', () => {
  it('assigns each role its views in one table', () => {
    expect(ROLE_VIEWS).toMatchInlineSnapshot(`
      {
        "admin": {
          "card": false,
          "file": null,
          "list": null,
        },
        "child_director": {
          "card": false,
          "file": "full",
          "list": "desk",
        },
        "civil_affairs": {
          "card": false,
          "file": "full",
          "list": "desk",
        },
        "coordinator": {
          "card": false,
          "file": "working",
          "list": "working",
        },
        "group_leader": {
          "card": false,
          "file": null,
          "list": null,
        },
        "supervisor": {
          "card": false,
          "file": "full",
          "list": "desk",
        },
        "volunteer": {
          "card": true,
          "file": null,
          "list": null,
        },
      }
    `)
  })

  it('full view (director, supervisor, civil affairs): every field, identifiers masked', () => {
    const view = redactFullFile(c)
    expect(redactFile('full', c)).toEqual(view)
    expect(Object.keys(view)).toMatchInlineSnapshot(`
      [
        "view",
        "id",
        "version",
        "villageCode",
        "villageName",
        "name",
        "displayName",
        "gender",
        "ethnicity",
        "birthDate",
        "age",
        "idNumberMasked",
        "addressMasked",
        "hukouType",
        "categories",
        "difficultyKinds",
        "singleParentFamily",
        "school",
        "gradeBand",
        "boarding",
        "guardianship",
        "health",
        "psychBehaviour",
        "assistance",
        "educationAid",
        "medicalAid",
        "otherAid",
        "father",
        "mother",
        "guardians",
        "incomePerCapita",
        "familySubsidies",
        "socialSupport",
        "entrustedCare",
        "careGiven",
        "otherNotes",
        "filedByName",
        "filedAt",
        "risk",
        "nearWater",
        "specialAttention",
        "priorityReasons",
        "interests",
        "needs",
        "serviceTips",
        "directorWorkPhone",
        "consent",
        "pairingStatus",
        "agingOut",
        "status",
        "closed",
        "createdAt",
        "updatedAt",
      ]
    `)
    expect(Object.keys(view.guardians[0]!)).toMatchInlineSnapshot(`
      [
        "id",
        "relation",
        "name",
        "phoneMasked",
        "healthy",
        "healthDetail",
        "occupation",
      ]
    `)
    expect(view.idNumberMasked).toBe('**************9021')
    expect(view.guardians[0]!.phoneMasked).toBe('138****5678')
    expect(JSON.stringify(view)).not.toMatch(/450225201506019021|13812345678|3组12号/)
  })

  it('working view (coordinator): no ID number, address, phones, income or health details', () => {
    expect(Object.keys(redactFile('working', c))).toMatchInlineSnapshot(`
      [
        "view",
        "id",
        "name",
        "age",
        "gender",
        "villageCode",
        "villageName",
        "categories",
        "priorityReasons",
        "needs",
        "interests",
        "consentOnFile",
        "pairingStatus",
        "status",
      ]
    `)
  })

  it('card (volunteer actively paired): no ID number, address, guardians, health, income or assistance', () => {
    const card = redactCard(c)
    expect(card).toMatchInlineSnapshot(`
      {
        "age": 10,
        "director": {
          "name": "李芳",
          "workPhone": "07725123456",
        },
        "displayName": "小花",
        "gender": "female",
        "gradeBand": "primary_upper",
        "id": "11111111-1111-4111-8111-111111111111",
        "interests": [
          "画画",
        ],
        "needs": [
          "学业辅导",
        ],
        "serviceTips": "周末在家",
        "view": "card",
        "villageName": "古顶村委会",
      }
    `)
  })

  it('desk list rows: director, supervisor and civil affairs get the desk row, coordinators the working one', () => {
    const row = rowCandidate(
      { ...file, birthDate: '2015-06-01', riskLevel: 'high', consentGivenBy: '韦奶奶', consentDate: '2026-01-05', closedAt: null },
      { today: '2026-03-02', villageName: '古顶村委会', pairingStatus: 'unpaired' },
    )
    expect(Object.keys(redactRow(actor('child_director'), row))).toMatchInlineSnapshot(`
      [
        "view",
        "id",
        "name",
        "gender",
        "age",
        "idNumberLast4",
        "villageCode",
        "villageName",
        "categories",
        "difficultyKinds",
        "riskLevel",
        "nearWater",
        "specialAttention",
        "priorityReasons",
        "consentOnFile",
        "pairingStatus",
        "agingOut",
        "status",
      ]
    `)
    expect(redactRow(actor('coordinator'), row).view).toBe('working')
  })
})

describe('search tokens qualified by county', () => {
  it('every role that may list children or priority children is bound to a county or less', () => {
    // searchCounty() takes the actor's county for the tokens of the search indexes: a role bound
    // to a city or province that could list children would search one county only.
    const wide = ROLES.filter((role) => (roleCan(role, 'child.list') || roleCan(role, 'pairing.priority')) && ROLE_REGION_LEVELS[role].some((l) => l === 'province' || l === 'city'))
    expect(wide).toEqual([])
  })
})
