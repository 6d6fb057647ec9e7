/**
 * WeChat's content check (msg_sec_check) on a check-in's free text, for people who signed in with
 * WeChat (an openid to check against). `risky` refuses, naming the fields; `review` is accepted and
 * flagged for the director; WeChat busy, slow or failing is accepted and flagged `unchecked` — a
 * visit logged offline in a village must never be lost to WeChat's bad minute.
 */
import type { SecCheckResult } from '@qstx/shared'
import { AppError } from '../../lib/app-error'
import { WechatError, type WechatClient } from '../../wechat/client'

/** Well inside the idempotency lease and the mini-program's patience. */
const BUDGET_MS = 3000
/** 4 = 社交日志 (a diary-like record), the closest of WeChat's scenes. */
const SCENE = 4
const RISKY_MESSAGE = '内容未通过微信内容安全检测，请修改后再提交'

export interface CheckedText {
  secCheck: SecCheckResult
  label: number | null
}

type Verdict = { suggest: 'pass' | 'review' | 'risky'; label: number } | 'unchecked'

async function check(wechat: WechatClient, openid: string, content: string): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'unchecked'>((resolve) => (timer = setTimeout(() => resolve('unchecked'), BUDGET_MS)))
  try {
    return await Promise.race([wechat.msgSecCheck({ openid, scene: SCENE, content }), timeout])
  } catch (err) {
    if (err instanceof WechatError) return 'unchecked'
    throw err
  } finally {
    clearTimeout(timer)
  }
}

/** Checks the fields together; on `risky`, each one alone, to tell the person which to change. */
export async function checkCheckinText(wechat: WechatClient, openid: string | null, fields: Record<string, string | undefined>): Promise<CheckedText> {
  if (!openid) return { secCheck: 'not_applicable', label: null }
  const present = Object.entries(fields).filter((e): e is [string, string] => !!e[1])
  const verdict = await check(wechat, openid, present.map(([, v]) => v).join('\n'))
  if (verdict === 'unchecked') return { secCheck: 'unchecked', label: null }
  if (verdict.suggest === 'pass') return { secCheck: 'pass', label: null }
  if (verdict.suggest === 'review') return { secCheck: 'review', label: verdict.label }
  const risky: Record<string, string> = {}
  for (const [name, value] of present) {
    const alone = await check(wechat, openid, value)
    if (alone !== 'unchecked' && alone.suggest === 'risky') risky[name] = RISKY_MESSAGE
  }
  // Risky only together (or WeChat went quiet meanwhile): the main text carries the message.
  throw new AppError('CONTENT_RISKY', undefined, Object.keys(risky).length ? risky : { summary: RISKY_MESSAGE })
}
