/**
 * Ledgers, exports, annual reports and dashboards (issue #10), merged into the one matrix in
 * shared/permissions.ts. Which rows (the viewer's region) and which columns (the children's field
 * rights: full file or working view) are server/src/modules/exports/policy.ts's business.
 *
 * The child ledger goes to whoever keeps or oversees the files (directors, supervisors, county
 * civil affairs: the full template) and to coordinators (the working fields only). Pairing ledger:
 * everyone who reads pairings. Annual report and dashboards: the desk roles that report upward.
 */
import type { Role } from '../roles'

export const REPORT_ACTIONS = ['export.child_ledger', 'export.pairing_ledger', 'report.annual', 'dashboard.read'] as const
export type ReportAction = (typeof REPORT_ACTIONS)[number]

export const REPORT_ROLE_ACTIONS = {
  volunteer: [],
  group_leader: [],
  coordinator: ['export.child_ledger', 'export.pairing_ledger', 'report.annual', 'dashboard.read'],
  child_director: ['export.child_ledger', 'export.pairing_ledger'],
  supervisor: ['export.child_ledger', 'export.pairing_ledger', 'report.annual', 'dashboard.read'],
  civil_affairs: ['export.child_ledger', 'export.pairing_ledger', 'report.annual', 'dashboard.read'],
  admin: [],
} as const satisfies Record<Role, readonly ReportAction[]>
