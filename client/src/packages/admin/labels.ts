import type { Invitation } from '@qstx/shared'

export const INVITATION_STATUS_LABELS: Record<Invitation['status'], string> = {
  pending: '待使用',
  redeemed: '已使用',
  revoked: '已撤销',
  expired: '已过期',
}

/** Audit actions in words; an action not listed here shows as recorded. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.sign_in.wechat': '微信登录',
  'auth.sign_in.password': '电脑端登录',
  'auth.sign_in.locked': '登录被拒（账号已锁定）',
  'auth.switch_role': '切换角色',
  'invitation.create': '创建邀请',
  'invitation.revoke': '撤销邀请',
  'invitation.redeem': '接受邀请',
  'role.grant': '授予角色',
  'role.revoke': '移除角色',
  'user.disable': '停用账号',
  'safeguarding.report': '提交安全报告',
  'safeguarding.read': '查看安全报告',
}

export const AUDIT_RESULT_LABELS: Record<string, string> = { success: '成功', failure: '失败', denied: '被拒绝' }

/** Filters of the audit page: the server matches an action by prefix. */
export const AUDIT_FILTERS = [
  { key: 'all', label: '全部', action: undefined },
  { key: 'sign-in', label: '登录', action: 'auth.sign_in' },
  { key: 'invitation', label: '邀请', action: 'invitation.' },
  { key: 'role', label: '角色', action: 'role.' },
  { key: 'switch-role', label: '切换角色', action: 'auth.switch_role' },
  { key: 'disable', label: '停用账号', action: 'user.disable' },
] as const
