import { describe, expect, it } from 'vitest'
import { CalendarDateSchema, InstantSchema, TextSchema, text } from './common'

describe('TextSchema', () => {
  it('refuses what PostgreSQL cannot store or would store changed, with a Chinese message', () => {
    for (const bad of ['王\u0000阿姨', '\u0001', '\u001b[31m', '\u007f', '孩子\ud800', '\udfff']) {
      const r = TextSchema.safeParse(bad)
      expect(r.success, JSON.stringify(bad)).toBe(false)
      expect(r.error!.issues[0]!.message).toMatch(/控制字符/)
    }
  })

  it('keeps what people type: line breaks, tabs, emoji, rare characters — trimmed', () => {
    for (const good of ['第一行\n第二行', '姓名\t年龄', '👨‍👩‍👧 一家人', '𠮷野家', '\u202e']) expect(TextSchema.parse(` ${good} `)).toBe(good.trim())
  })

  it('says the limit in the message', () => {
    expect(text(5).safeParse('一二三四五六').error!.issues[0]!.message).toBe('最多5个字')
  })
})

describe('dates', () => {
  it('takes calendar dates from 1900 to 2099 only', () => {
    expect(CalendarDateSchema.safeParse('1900-01-01').success).toBe(true)
    expect(CalendarDateSchema.safeParse('2099-12-31').success).toBe(true)
    for (const bad of ['0000-01-01', '1899-12-31', '2100-01-01', '2026-02-30', '2026-1-1']) expect(CalendarDateSchema.safeParse(bad).success, bad).toBe(false)
  })

  it('takes moments in the same years, with the offset when asked for', () => {
    expect(InstantSchema().safeParse('2026-03-01T08:00:00Z').success).toBe(true)
    expect(InstantSchema().safeParse('0000-01-01T00:00:00Z').error!.issues[0]!.message).toBe('日期应在1900年至2099年之间')
    expect(InstantSchema({ offset: true }).safeParse('2026-03-01T08:00:00+08:00').success).toBe(true)
    expect(InstantSchema().safeParse('2026-03-01T08:00:00').error!.issues[0]!.message).toBe('时间格式不正确')
  })
})
