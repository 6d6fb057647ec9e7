/**
 * Who hears about a pairing's step, through the outbox (in the caller's transaction). Lines fit
 * WeChat's 20-character `thing` fields and carry no child's personal data — no name travels
 * through WeChat; the page opens the app, where the reader's own view applies.
 */
import { PAIRING_PAGES } from '@qstx/shared'
import type { Tx } from '../../db/prisma'
import { notify } from '../../lib/notify'
import * as repo from './repository'

type Pairing = Pick<repo.PairingRow, 'id' | 'villageCode' | 'proposedById'> & { volunteer: { userId: string } }

/** A new proposal: every child director of the child's village (one of them acknowledges). */
export async function toDirectors(tx: Tx, p: Pairing) {
  for (const d of await repo.villageDirectors(tx, p.villageCode)) {
    await notify(tx, { recipientUserId: d.userId, kind: 'pairing.proposed', title: '有新的结对待确认', body: '请征得家庭同意后在小程序中确认', page: PAIRING_PAGES.detail(p.id) })
  }
}

/** The family's answer, or the pairing's end for a reason the coordinator did not choose: the proposer. */
export async function toCoordinator(tx: Tx, p: Pairing, kind: 'acknowledged' | 'declined' | 'ended', note?: string) {
  if (!p.proposedById) return
  const text = {
    acknowledged: { title: '家庭已同意结对', body: '儿童主任已确认，请审批' },
    declined: { title: '结对未获家庭同意', body: note ?? '请查看原因，另行安排' },
    ended: { title: '有结对已结束', body: note ?? '请为孩子重新安排爱心家长' },
  }[kind]
  await notify(tx, { recipientUserId: p.proposedById, kind: `pairing.${kind}`, ...text, page: PAIRING_PAGES.detail(p.id) })
}

/** The volunteer: the pairing starts, pauses, resumes or ends. */
export async function toVolunteer(tx: Tx, p: Pairing, kind: 'approved' | 'paused' | 'resumed' | 'ended') {
  const text = {
    approved: { title: '您有了新的结对儿童', body: '请打开小程序查看孩子的情况' },
    paused: { title: '您的结对已暂停', body: '请打开小程序查看原因' },
    resumed: { title: '您的结对已恢复', body: '感谢您继续陪伴孩子' },
    ended: { title: '您的结对已结束', body: '感谢您的陪伴，详情请查看小程序' },
  }[kind]
  await notify(tx, { recipientUserId: p.volunteer.userId, kind: `pairing.${kind}`, ...text, page: PAIRING_PAGES.mine })
}
