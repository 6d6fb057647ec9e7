import { describe, expect, it } from 'vitest'
import { fitTemplateData, fitTemplateValue, templateFieldKind } from './template-fields'

describe('fitTemplateValue', () => {
  it('keeps a thing within 20 characters, ending a cut one with …', () => {
    expect(fitTemplateValue('thing', '探访提醒')).toBe('探访提醒')
    const cut = fitTemplateValue('thing', '一二三四五六七八九十一二三四五六七八九十一')
    expect(Array.from(cut)).toHaveLength(20)
    expect(cut.endsWith('…')).toBe(true)
  })

  it('keeps only Chinese characters in a phrase, at most five, without …', () => {
    expect(fitTemplateValue('phrase', '已通过 OK')).toBe('已通过')
    expect(fitTemplateValue('phrase', '审核已经通过了')).toBe('审核已经通')
  })

  it('allows 10 characters for a Chinese name and 20 for a Latin one', () => {
    expect(Array.from(fitTemplateValue('name', '欧阳一二三四五六七八九十'))).toHaveLength(10)
    expect(fitTemplateValue('name', 'Alexandra Wellington')).toBe('Alexandra Wellington')
  })

  it('drops characters a character_string may not hold', () => {
    expect(fitTemplateValue('character_string', '编号 QS-2025-0001')).toBe('QS-2025-0001')
  })

  it('collapses line breaks and refuses a value with nothing usable left', () => {
    expect(fitTemplateValue('thing', '第一行\n\n第二行')).toBe('第一行 第二行')
    expect(() => fitTemplateValue('phrase', 'OK')).toThrow(RangeError)
    expect(() => fitTemplateValue('thing', '   ')).toThrow(RangeError)
  })
})

describe('fitTemplateData', () => {
  it('fits each value by the kind in its key and leaves unknown kinds alone', () => {
    expect(templateFieldKind('character_string6')).toBe('character_string')
    expect(templateFieldKind('thing')).toBeUndefined()
    expect(fitTemplateData({ phrase1: '已经完成了', time2: '2025年3月1日 15:00', custom3: 'x' })).toEqual({
      phrase1: '已经完成了',
      time2: '2025年3月1日 15:00',
      custom3: 'x',
    })
  })
})
