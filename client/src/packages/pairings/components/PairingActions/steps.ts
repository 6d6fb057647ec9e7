import {
  AcknowledgePairingBodySchema, ApprovePairingBodySchema, DeclinePairingBodySchema, EndPairingBodySchema, PAIRING_TRANSITIONS,
  PausePairingBodySchema, ResumePairingBodySchema, canPairingTransition, roleCan,
  type Action, type PairingState, type PairingTransition, type Role,
} from '@qstx/shared'
import type { z } from 'zod'

interface StepSpec {
  /** The option's words. */
  label: string
  /** The submit button's words. */
  button: string
  action: Action
  schema: z.ZodType
  /** Which inputs the step takes (besides the end reason chips and the dates, by step). */
  note?: { label: string; hint: string }
  reason?: { label: string; hint: string }
  danger?: boolean
  /** Asked once more before it is done (it cannot be undone). */
  confirm?: string
}

/** Each step after the proposal: who may take it (shared matrix), what it asks, the shared body schema. */
export const STEPS: Record<PairingTransition, StepSpec> = {
  acknowledge: {
    label: '家庭同意，确认结对', button: '确认家庭同意', action: 'pairing.acknowledge', schema: AcknowledgePairingBodySchema,
    note: { label: '如何征得的同意（可不填）', hint: '例如：已上门征得奶奶同意' },
  },
  approve: {
    label: '批准结对', button: '批准结对', action: 'pairing.approve', schema: ApprovePairingBodySchema,
    note: { label: '备注（可不填）', hint: '会记入结对台账' },
  },
  decline: {
    label: '不结对', button: '确定不结对', action: 'pairing.decline', schema: DeclinePairingBodySchema, danger: true,
    reason: { label: '不结对的原因', hint: '会记入结对台账，提出结对的协调员会看到' },
  },
  pause: {
    label: '暂停结对', button: '暂停结对', action: 'pairing.manage', schema: PausePairingBodySchema,
    reason: { label: '暂停的原因', hint: '爱心家长会收到通知，例如：志愿者住院治疗' },
  },
  resume: {
    label: '恢复结对', button: '恢复结对', action: 'pairing.manage', schema: ResumePairingBodySchema,
    note: { label: '备注（可不填）', hint: '会记入结对台账' },
  },
  end: {
    label: '结束结对', button: '结束结对', action: 'pairing.manage', schema: EndPairingBodySchema, danger: true,
    note: { label: '说明', hint: '选“其他”时必须填写；会记入结对台账' },
    confirm: '结束后不能恢复，孩子会回到待结对名单，记录保留在结对台账中。确定结束吗？',
  },
}

/** The steps this role may take on a pairing in this state, in the lifecycle's order. */
export const possibleSteps = (state: PairingState, role: Role | undefined): PairingTransition[] =>
  role ? (Object.keys(PAIRING_TRANSITIONS) as PairingTransition[]).filter((t) => canPairingTransition(state, t) && roleCan(role, STEPS[t].action)) : []

const DAY = 86_400_000
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10)
