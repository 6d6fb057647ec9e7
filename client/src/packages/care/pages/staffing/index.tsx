import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { STAFFING_FLAG_LABELS, roleCan } from '@qstx/shared'
import { useStaffing } from '../../../../api/care'
import ErrorState from '../../../../components/ErrorState'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import Assignments from '../../components/Assignments'
import TrainingForm from '../../components/TrainingForm'
import './index.scss'

/**
 * 儿童主任配备与培训 (赵督导, 县民政): villages that need a (further) director — more than 30 served
 * children call for one — and who has not been trained this year (每年培训全覆盖). County civil
 * affairs records trainings here; a village with several directors shares its children out.
 */
export default function StaffingPage() {
  useRequireLogin()
  const { regionCode } = useRouter().params
  const me = useMe()
  const role = me.data?.activeRole?.role
  const staffing = useStaffing(regionCode ?? null)
  const s = staffing.data
  if (staffing.isError) return <ErrorState id='staffing-error' title='无法加载' message={staffing.error.message} onRetry={() => void staffing.refetch()} />
  if (!s) return <Text className='page muted'>正在加载…</Text>
  const untrained = s.directors.filter((d) => !d.trainedThisYear)
  return (
    <View className='page staffing'>
      <Text className='page-title'>儿童主任配备与培训</Text>
      <View id='staffing-villages' className='card'>
        <Text className='section-title'>各村（社区）儿童主任配备</Text>
        {s.villages.map((v) => (
          <View key={v.code} id={`staffing-village-${v.code}`} className={`care__item${v.flag ? ' staffing-village--flagged care__flagged' : ''}`}>
            <Text className='care__big'>{v.name}</Text>
            <Text className='care__line'>服务儿童 {v.children} 人 · 儿童主任 {v.directors} 人（应配 {v.needed} 人）</Text>
            {v.flag && <Text className='care__bad'>{STAFFING_FLAG_LABELS[v.flag]}</Text>}
          </View>
        ))}
      </View>
      <View id='staffing-directors' className='card'>
        <Text className='section-title'>{s.year}年培训：{untrained.length === 0 ? '已全覆盖' : `还有 ${untrained.length} 人未培训`}</Text>
        {s.directors.map((d) => (
          <View key={d.userId} id={`staffing-director-${d.userId}`} className={`care__item${d.trainedThisYear ? '' : ' staffing-director--untrained'}`}>
            <Text className='care__big'>{d.name} · {d.villageName}</Text>
            <Text className={d.trainedThisYear ? 'care__ok' : 'care__bad'}>{d.trainedThisYear ? '今年已培训' : '今年未培训'}</Text>
            <Text className='care__line'>上次培训：{d.lastTrainedOn ?? '无记录'} · 负责儿童 {d.assigned} 人</Text>
          </View>
        ))}
      </View>
      {role && roleCan(role, 'training.record') && s.directors.length > 0 && <TrainingForm directors={s.directors} />}
      {role && roleCan(role, 'staffing.assign') && <Assignments s={s} />}
    </View>
  )
}
