import Taro from '@tarojs/taro'
import { roleCan, type Action, type Role } from '@qstx/shared'
import { ROUTES, type Route } from '../../constants/routes'

export interface NavEntry {
  key: string
  label: string
  route: Route
  /** Shown to roles the shared matrix lets through (the server enforces the same); none = everyone. */
  may?: (role: Role | null) => boolean
}

const can = (action: Action) => (role: Role | null) => role !== null && roleCan(role, action)

/** The side navigation of the desk layout, in the order of a working day. */
export const NAV: readonly NavEntry[] = [
  { key: 'home', label: '首页', route: ROUTES.home },
  { key: 'vetting', label: '志愿者审核', route: ROUTES.vettingQueue, may: can('volunteer.vet') },
  { key: 'priority', label: '结对工作', route: ROUTES.pairingPriority, may: can('pairing.propose') },
  { key: 'ledger', label: '结对台账', route: ROUTES.pairingLedger, may: can('pairing.list') },
  { key: 'children', label: '儿童档案', route: ROUTES.children, may: can('child.list') },
  { key: 'duty', label: '走访任务', route: ROUTES.dutyCalendar, may: can('duty.read') },
  { key: 'checkin-queue', label: '走访待确认', route: ROUTES.checkinQueue, may: can('checkin.confirm') },
  { key: 'unconfirmed', label: '14天未确认的走访', route: ROUTES.checkinUnconfirmed, may: can('checkin.unconfirmed') },
  { key: 'reports', label: '强制报告', route: ROUTES.reports, may: can('safeguarding.handle') },
  { key: 'dashboard', label: '工作统计', route: ROUTES.dashboard, may: can('dashboard.read') },
  { key: 'exports', label: '台账导出', route: ROUTES.exports, may: (r) => can('export.child_ledger')(r) && !can('dashboard.read')(r) },
  { key: 'my-checkins', label: '我的服务记录', route: ROUTES.checkinMine, may: can('checkin.mine') },
  { key: 'my-pairings', label: '我的结对', route: ROUTES.myPairings, may: can('pairing.mine') },
  { key: 'roster', label: '我的志愿团队', route: ROUTES.teamRoster, may: can('team.lead') },
  { key: 'audit', label: '审计记录', route: ROUTES.audit, may: can('audit.read') },
  { key: 'invitations', label: '邀请工作人员', route: ROUTES.invitations, may: can('invitation.list') },
  { key: 'staff', label: '工作人员', route: ROUTES.staff, may: can('role.revoke') },
  { key: 'notifications', label: '通知', route: ROUTES.notifications },
  { key: 'me', label: '我的', route: ROUTES.me },
]

const TABS: readonly Route[] = [ROUTES.home, ROUTES.me]

/**
 * Moves between desk pages without piling them up: a tab page is switched to; from a tab page a
 * page opens on top (a tab page cannot be replaced); between other pages, the new one replaces the
 * old — the side navigation, not the back button, is how a desk moves around.
 */
export function openFromNav(route: Route, current: Route): void {
  if (route === current) return
  if (TABS.includes(route)) void Taro.switchTab({ url: route })
  else if (TABS.includes(current)) void Taro.navigateTo({ url: route })
  else void Taro.redirectTo({ url: route })
}
