// One place for React Query keys so invalidation after sign-in/out hits exactly what it should.
export const queryKeys = {
  personas: ['dev', 'personas'] as const,
  me: ['me'] as const,
  invitations: ['invitations'] as const,
  staff: ['staff'] as const,
  audit: (filters: object) => ['audit', filters] as const,
  regionChildren: (code: string) => ['regions', code, 'children'] as const,
  region: (code: string) => ['regions', code] as const,
  myVolunteer: ['volunteers', 'me'] as const,
  myTeam: ['teams', 'mine'] as const,
  teamRoster: (teamId: string) => ['teams', teamId, 'members'] as const,
  /** Prefix of every vetting query: a decision refreshes the queue, its counts and the application. */
  vetting: ['vetting'] as const,
  vettingQueue: (query: object) => ['vetting', 'queue', query] as const,
  vettingApplication: (id: string) => ['vetting', 'application', id] as const,
  subscribeTemplates: ['wechat', 'subscribe-templates'] as const,
  // Check-ins: everything under ['checkins'] is invalidated after a check-in is sent or decided.
  checkins: ['checkins'] as const,
  myCheckins: ['checkins', 'mine'] as const,
  checkinPairings: ['checkins', 'pairings'] as const,
  checkinQueue: (page: number) => ['checkins', 'queue', page] as const,
  unconfirmedCheckins: (page: number) => ['checkins', 'unconfirmed', page] as const,
  honourBoard: (regionCode: string, year: number | null) => ['checkins', 'honour', regionCode, year] as const,
  honourSetting: ['checkins', 'honour', 'me'] as const,
  // The directors' duty: the calendar and each child's visits; a recorded visit invalidates ['duty'].
  duty: ['duty'] as const,
  dutyCalendar: (query: object) => ['duty', 'calendar', query] as const,
  directorVisits: (childId: string) => ['duty', 'visits', childId] as const,
  // Children's files: everything under ['children'] is invalidated after any write to a file.
  children: ['children'] as const,
  childList: (filters: object) => ['children', 'list', filters] as const,
  child: (id: string) => ['children', 'file', id] as const,
  childCard: (id: string) => ['children', 'card', id] as const,
  childHistory: (id: string) => ['children', 'history', id] as const,
  childYears: (id: string) => ['children', 'years', id] as const,
  childTransfers: ['children', 'transfers'] as const,
  // Safeguarding reports and the notifications they raise.
  hotlines: (regionCode: string) => ['safeguarding', 'hotlines', regionCode] as const,
  reports: ['safeguarding', 'reports'] as const,
  report: (id: string) => ['safeguarding', 'reports', id] as const,
  myReports: ['safeguarding', 'mine'] as const,
  notifications: ['notifications'] as const,
}
