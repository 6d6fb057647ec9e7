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
  // Children's files: everything under ['children'] is invalidated after any write to a file.
  children: ['children'] as const,
  childList: (filters: object) => ['children', 'list', filters] as const,
  child: (id: string) => ['children', 'file', id] as const,
  childCard: (id: string) => ['children', 'card', id] as const,
  childHistory: (id: string) => ['children', 'history', id] as const,
  childYears: (id: string) => ['children', 'years', id] as const,
  childTransfers: ['children', 'transfers'] as const,
  // The pairing ledger: a step refreshes every list (ledger, priority children, mine) under ['pairings'].
  pairings: ['pairings'] as const,
  pairingLedger: (query: object) => ['pairings', 'ledger', query] as const,
  pairing: (id: string) => ['pairings', 'detail', id] as const,
  priorityChildren: (page: number) => ['pairings', 'priority', page] as const,
  pairingSuggestions: (childId: string) => ['pairings', 'suggestions', childId] as const,
  myPairings: ['pairings', 'mine'] as const,
  // Safeguarding reports and the notifications they raise.
  hotlines: (regionCode: string) => ['safeguarding', 'hotlines', regionCode] as const,
  reports: ['safeguarding', 'reports'] as const,
  report: (id: string) => ['safeguarding', 'reports', id] as const,
  myReports: ['safeguarding', 'mine'] as const,
  notifications: ['notifications'] as const,
}
