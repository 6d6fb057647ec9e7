import { Text, View } from '@tarojs/components'
import { VOLUNTEER_STATUS_LABELS } from '@qstx/shared'
import { useApplication } from '../../../../api/vetting'
import ErrorState from '../../../../components/ErrorState'
import ApplicationDetails, { ApplicationHistory } from '../ApplicationDetails'
import ChecksForm from '../ChecksForm'
import DecisionForm from '../DecisionForm'

/**
 * One application: who, what they offer, the checks as recorded, the decision, and the history —
 * a page of its own on a phone, and beside the queue on a desk (vet without losing the list).
 * Key it by the application's id, so the forms start afresh for the next one.
 */
export default function ApplicationPanel({ id }: { id: string | undefined }) {
  const application = useApplication(id)
  const a = application.data
  if (application.isError) {
    return <ErrorState id='application-error' title='无法打开这份报名' message={application.error.message} onRetry={() => void application.refetch()} />
  }
  if (!a) return <Text className='muted'>正在加载…</Text>
  const open = a.status === 'submitted' || a.status === 'info_requested'
  return (
    <View id='application'>
      <Text id='application-name' className='page-title'>
        {a.realName ?? '（未填写姓名）'}
      </Text>
      <Text id='application-status' className='vetting__status'>
        {VOLUNTEER_STATUS_LABELS[a.status]}
      </Text>
      <ApplicationDetails application={a} />
      {/* Keyed by status: after a refresh the checks start again from what is recorded. The decision
          form is not: after deciding it stays to say what was done. */}
      {open && <ChecksForm key={`checks-${a.status}`} application={a} />}
      <DecisionForm application={a} onRefresh={() => void application.refetch()} />
      <ApplicationHistory history={a.history} />
    </View>
  )
}
