import { describe, expect, it } from 'vitest'
import { addInterval, dutyOf, quarterOf } from './rules'

const GX = '450225101201'

describe('dutyOf', () => {
  it('wants a contact a month and a home visit a quarter after the last ones', () => {
    const d = dutyOf({ filedOn: '2026-01-05', lastContactOn: '2026-02-10', lastHomeVisitOn: '2026-01-20', heightenedReasons: [] }, GX, '2026-03-01')
    expect(d).toMatchObject({ heightened: false, nextContactOn: '2026-03-10', nextHomeVisitOn: '2026-04-20', contactStatus: 'ok', homeVisitStatus: 'ok' })
  })

  it('counts a home visit as a contact', () => {
    const d = dutyOf({ filedOn: '2026-01-05', lastContactOn: '2026-01-02', lastHomeVisitOn: '2026-02-20', heightenedReasons: [] }, GX, '2026-03-01')
    expect(d.nextContactOn).toBe('2026-03-20')
  })

  it('tightens to every 2 weeks and a monthly home visit for a child needing special attention', () => {
    const d = dutyOf({ filedOn: '2026-01-05', lastContactOn: '2026-02-20', lastHomeVisitOn: '2026-02-01', heightenedReasons: ['high_risk'] }, GX, '2026-03-05')
    expect(d).toMatchObject({ heightened: true, nextContactOn: '2026-03-06', nextHomeVisitOn: '2026-03-01', contactStatus: 'due_soon', homeVisitStatus: 'overdue' })
  })

  it('counts from the filing date when nobody has visited yet', () => {
    const d = dutyOf({ filedOn: '2026-02-15', lastContactOn: null, lastHomeVisitOn: null, heightenedReasons: [] }, GX, '2026-03-20')
    expect(d).toMatchObject({ nextContactOn: '2026-03-15', contactStatus: 'overdue', nextHomeVisitOn: '2026-05-15', homeVisitStatus: 'ok' })
  })

  it('crosses the year boundary', () => {
    const d = dutyOf({ filedOn: '2025-06-01', lastContactOn: '2025-12-20', lastHomeVisitOn: '2025-11-30', heightenedReasons: [] }, GX, '2026-01-10')
    expect(d).toMatchObject({ nextContactOn: '2026-01-20', nextHomeVisitOn: '2026-02-28', contactStatus: 'ok' })
  })
})

describe('addInterval', () => {
  it('clamps to the last day of a shorter month, in leap years too', () => {
    expect(addInterval('2026-01-31', { months: 1 })).toBe('2026-02-28')
    expect(addInterval('2028-01-31', { months: 1 })).toBe('2028-02-29')
    expect(addInterval('2025-12-31', { days: 14 })).toBe('2026-01-14')
  })
  it('puts dates into the template\'s quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([1, 1, 2, 4])
  })
})
