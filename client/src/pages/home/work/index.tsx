import type { MeResponse } from '@qstx/shared'
import CoordinatorWork from './CoordinatorWork'
import DirectorWork from './DirectorWork'
import OversightWork from './OversightWork'
import { AdminWork, LeaderWork } from './TeamWork'
import VolunteerWork from './VolunteerWork'
import './index.scss'

/** The day's work of the active role, first on home (issue 19: "every home opens on the work"). */
export default function HomeWork({ me }: { me: MeResponse }) {
  const active = me.activeRole
  switch (active?.role) {
    case undefined:
    case 'volunteer':
      return <VolunteerWork role={active?.role ?? null} userId={me.userId} />
    case 'child_director':
      return <DirectorWork />
    case 'coordinator':
      return <CoordinatorWork />
    case 'supervisor':
    case 'civil_affairs':
      return <OversightWork regionCode={active.regionCode} />
    case 'group_leader':
      return <LeaderWork />
    case 'admin':
      return <AdminWork />
  }
}
