import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { VOLUNTEER_STATUS_LABELS } from '@qstx/shared'
import { useApplication } from '../../../../api/vetting'
import ErrorState from '../../../../components/ErrorState'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import ApplicationDetails, { ApplicationHistory } from '../../components/ApplicationDetails'
import ChecksForm from '../../components/ChecksForm'
import DecisionForm from '../../components/DecisionForm'
import './index.scss'

/** One application: who, what they offer, the checks as recorded, the decision, and the history. */
export default function ApplicationPage() {
  useRequireLogin()
  const { params } = useRouter()
  const application = useApplication(params.id)
  const a = application.data

  if (application.isError) {
    return (
      <View className='page vetting'>
        <ErrorState id='application-error' title='无法打开这份报名' message={application.error.message} onRetry={() => void application.refetch()} />
      </View>
    )
  }
  if (!a) {
    return (
      <View className='page vetting'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }

  const open = a.status === 'submitted' || a.status === 'info_requested'
  return (
    <View className='page vetting'>
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
