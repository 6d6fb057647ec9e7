/**
 * Dates as people in the programme read them: China time (UTC+8, no daylight saving), whatever the
 * phone's or the desk computer's own zone. Plain arithmetic instead of Intl time zones, which older
 * WeChat Android engines lack.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000
const pad = (n: number) => String(n).padStart(2, '0')

function chinaParts(iso: string) {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  return { y: d.getUTCFullYear(), m: pad(d.getUTCMonth() + 1), d: pad(d.getUTCDate()), hh: pad(d.getUTCHours()), mm: pad(d.getUTCMinutes()) }
}

/** 2026-03-02 */
export function formatDate(iso: string): string {
  const p = chinaParts(iso)
  return `${p.y}-${p.m}-${p.d}`
}

/** 2026-03-02 10:05 */
export function formatDateTime(iso: string): string {
  const p = chinaParts(iso)
  return `${p.y}-${p.m}-${p.d} ${p.hh}:${p.mm}`
}

/** Today's date in China, as YYYY-MM-DD (for date pickers). */
export function todayInChina(now = Date.now()): string {
  return formatDate(new Date(now).toISOString())
}

/** The instants a China calendar day (YYYY-MM-DD) begins and ends, for `from`/`to` filters. */
export function chinaDayRange(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00+08:00`)
  return { from: new Date(start).toISOString(), to: new Date(start + 24 * 3_600_000).toISOString() }
}
