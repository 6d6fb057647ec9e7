/**
 * Subscribe-message field limits, applied *before* a message enters the outbox.
 *
 * WeChat rejects the whole send with 47003 ("argument invalid! data.thing1.value invalid") when one
 * field breaks its kind's rule, and a rejected one-time subscription is not given back to us in any
 * useful way — the user has to tap "accept" again. So we shape every value here instead of hoping.
 *
 * The kind of a field is the key without its number: `thing1` → thing, `character_string6` →
 * character_string. Rules (WeChat 订阅消息参数值内容限制):
 *   thing ≤ 20 chars of anything · name ≤ 10 chars if it holds Chinese, else ≤ 20
 *   phrase ≤ 5 Chinese characters only · character_string ≤ 32 ASCII letters/digits/symbols
 *   letter ≤ 32 letters · number ≤ 32 digits · symbol ≤ 5 symbols · phone_number ≤ 17 · car_number ≤ 8
 *   time / date / amount are formats, not lengths: they cannot be "truncated", only checked.
 * Lengths count Unicode code points (a Chinese character is one).
 */

export const TEMPLATE_FIELD_KINDS = [
  'thing',
  'phrase',
  'name',
  'character_string',
  'letter',
  'number',
  'symbol',
  'phone_number',
  'car_number',
  'time',
  'date',
  'amount',
] as const
export type TemplateFieldKind = (typeof TEMPLATE_FIELD_KINDS)[number]

const ELLIPSIS = '…'
const HAN = /\p{Script=Han}/u
const HAN_ALL = /\p{Script=Han}/gu

/** Cut to `max` code points; the last one becomes "…" so the reader sees the text goes on. */
function truncate(value: string, max: number, ellipsis = true): string {
  const chars = Array.from(value)
  if (chars.length <= max) return value
  return ellipsis ? chars.slice(0, max - 1).join('') + ELLIPSIS : chars.slice(0, max).join('')
}

/** `thing12` → 'thing'; undefined when the key is not a known WeChat field kind. */
export function templateFieldKind(key: string): TemplateFieldKind | undefined {
  const match = /^([a-z_]+?)\d+$/.exec(key)
  const kind = match?.[1]
  return (TEMPLATE_FIELD_KINDS as readonly string[]).includes(kind ?? '') ? (kind as TemplateFieldKind) : undefined
}

function nonEmpty(kind: TemplateFieldKind, value: string): string {
  // An empty field is a 47003 too. It means the caller built the message wrong, so fail loudly
  // at enqueue time rather than burning the user's one-time subscription at send time.
  if (value === '') throw new RangeError(`template field of kind "${kind}" has no usable value`)
  return value
}

/**
 * Make `value` acceptable for a field of `kind`. Text kinds are truncated (thing and name with
 * "…"; phrase/character_string/letter by dropping characters the kind forbids, since "…" itself
 * would break those rules). Format kinds (time, date, amount, number) are returned trimmed but
 * otherwise untouched — format them correctly before calling (e.g. "2025年3月1日 15:00").
 * Throws RangeError when nothing usable is left.
 */
export function fitTemplateValue(kind: TemplateFieldKind, value: string): string {
  // Line breaks and runs of spaces render badly in the message card and are refused by some kinds.
  const text = value.replace(/\s+/g, ' ').trim()
  switch (kind) {
    case 'thing':
      return nonEmpty(kind, truncate(text, 20))
    case 'name':
      return nonEmpty(kind, truncate(text, HAN.test(text) ? 10 : 20))
    case 'phrase':
      return nonEmpty(kind, truncate((text.match(HAN_ALL) ?? []).join(''), 5, false))
    case 'character_string':
      return nonEmpty(kind, truncate(text.replace(/[^\x21-\x7e]/g, ''), 32, false))
    case 'letter':
      return nonEmpty(kind, truncate(text.replace(/[^A-Za-z]/g, ''), 32, false))
    case 'symbol':
      return nonEmpty(kind, truncate(text.replace(/[\p{L}\p{N}\s]/gu, ''), 5, false))
    case 'phone_number':
      return nonEmpty(kind, truncate(text.replace(/[^\d+\-() ]/g, ''), 17, false))
    case 'car_number':
      return nonEmpty(kind, truncate(text.replace(/\s/g, ''), 8, false))
    case 'number':
    case 'time':
    case 'date':
    case 'amount':
      return nonEmpty(kind, text)
  }
}

/**
 * Fit every value of a `{ thing1: '…', time2: '…' }` map by its key's kind. Unknown kinds are
 * kept as they are (WeChat will say 47003 if they are wrong; we cannot guess their rule).
 */
export function fitTemplateData(data: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(data)) {
    const kind = templateFieldKind(key)
    out[key] = kind ? fitTemplateValue(kind, value) : value
  }
  return out
}
