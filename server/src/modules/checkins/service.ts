/**
 * The check-in service, split by concern: record.ts (a new check-in, idempotent), decisions.ts
 * (the director's confirm or dispute), reads.ts (queue, unconfirmed, a pairing's, the volunteer's
 * record). The honour board (honour.ts) has routes of its own. Routes take it from here.
 */
import type { Db } from '../../db/prisma'
import type { Clock } from '../../lib/clock'
import type { WechatClient } from '../../wechat/client'
import { createDecisionService } from './decisions'
import { createReadService } from './reads'
import { createRecordService } from './record'

export function createCheckinService(deps: { prisma: Db; clock: Clock; wechat: WechatClient }) {
  return { ...createRecordService(deps), ...createDecisionService(deps), ...createReadService(deps) }
}
