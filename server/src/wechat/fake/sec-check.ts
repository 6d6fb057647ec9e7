/**
 * POST /wxa/msg_sec_check (version 2) — deterministic: a word list decides, so tests can
 * produce each outcome on purpose. Reply shape follows the real one, including `detail`.
 */
import { asRecord, wxError, type FakeWechatState, type WechatErrorBody } from './state'

const LABEL_NORMAL = 100
const LABEL_CRIME = 20006 // 违法犯罪
const LABEL_FRAUD = 20008 // 欺诈
const MAX_CONTENT = 2500

export function msgSecCheck(state: FakeWechatState, rawBody: unknown): WechatErrorBody | object {
  const body = asRecord(rawBody)
  const { openid, scene, content } = body
  if (body.version !== 2) {
    // Version 1 answers risky content with an error rather than a verdict.
    if (typeof content !== 'string') return wxError(state, 47001, 'data format error')
    return state.riskyWords.some((word) => content.includes(word))
      ? wxError(state, 87014, 'risky content')
      : { errcode: 0, errmsg: 'ok' }
  }
  if (typeof openid !== 'string' || !state.knownOpenids.has(openid)) return wxError(state, 40003, 'invalid openid')
  if (scene !== 1 && scene !== 2 && scene !== 3 && scene !== 4) return wxError(state, 40097, 'invalid args, scene')
  if (typeof content !== 'string' || content === '' || Array.from(content).length > MAX_CONTENT) {
    return wxError(state, 40097, 'invalid args, content')
  }

  const risky = state.riskyWords.find((word) => content.includes(word))
  const review = risky ? undefined : state.reviewWords.find((word) => content.includes(word))
  const suggest = risky ? 'risky' : review ? 'review' : 'pass'
  const label = risky ? LABEL_CRIME : review ? LABEL_FRAUD : LABEL_NORMAL
  const keyword = risky ?? review
  const traceId = `${Math.floor(state.now() / 1000).toString(16)}-${Math.random().toString(16).slice(2, 10)}`
  return {
    errcode: 0,
    errmsg: 'ok',
    trace_id: traceId,
    result: { suggest, label },
    detail: [
      { strategy: 'content_model', errcode: 0, suggest, label, prob: keyword ? 90 : 0 },
      keyword
        ? { strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword }
        : { strategy: 'keyword', errcode: 0, suggest: 'pass', label: LABEL_NORMAL },
    ],
  }
}
