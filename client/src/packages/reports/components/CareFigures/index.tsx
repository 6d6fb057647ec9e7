import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AnnualReport, Dashboard } from '@qstx/shared'
import NavRow from '../../../../components/NavRow'
import { ROUTES } from '../../../../constants/routes'

const FIGURES: Array<{ key: string; label: string; value: (f: Dashboard['totals']) => string; warn: (f: Dashboard['totals']) => boolean }> = [
  { key: 'water', label: '临水儿童已开展防溺水教育', value: (f) => `${f.waterSafetyCovered} / ${f.nearWater}`, warn: (f) => f.waterSafetyCovered < f.nearWater },
  { key: 'entrusted', label: '委托照护评估逾期 / 待跟进', value: (f) => `${f.entrustedOverdue} / ${f.entrustedFollowUps}`, warn: (f) => f.entrustedOverdue + f.entrustedFollowUps > 0 },
  { key: 'directors', label: '需增配儿童主任的村', value: (f) => String(f.villagesNeedingDirector), warn: (f) => f.villagesNeedingDirector > 0 },
  { key: 'training', label: '今年未培训的儿童主任', value: (f) => `${f.directorsUntrained} / ${f.directors}`, warn: (f) => f.directorsUntrained > 0 },
  { key: 'activities', label: '今年关爱活动（未开展安全知识进村的村）', value: (f) => `${f.activities}（${f.villagesWithoutSafetyVisit}）`, warn: (f) => f.villagesWithoutSafetyVisit > 0 },
  { key: 'concerns', label: '心理关注待跟进', value: (f) => String(f.openConcerns), warn: () => false },
]

/** Issue #17 on the dashboard: water safety, entrusted care, directors and training, activities, concerns. */
export default function CareFigures({ d, annual }: { d: Dashboard; annual: AnnualReport | undefined }) {
  const regionQuery = `?regionCode=${d.region.code}`
  return (
    <View id='dashboard-care' className='card'>
      <Text className='section-title'>关爱服务</Text>
      {d.waterWindow && <Text className='muted'>防溺水：{d.waterWindow.label}{d.waterWindow.provisional ? '（假期日期暂定）' : ''}</Text>}
      <View className='dashboard__totals'>
        {FIGURES.map((x) => (
          <View key={x.key} id={`care-${x.key}`} className={`card dashboard__total${x.warn(d.totals) ? ' dashboard__total--warn' : ''}`}>
            <Text className='dashboard__total-value'>{x.value(d.totals)}</Text>
            <Text className='dashboard__total-label'>{x.label}</Text>
          </View>
        ))}
      </View>
      {annual && (
        <Text className='dashboard__line'>
          {annual.year}年：关爱活动 {annual.activities.total} 次，覆盖儿童 {annual.activities.childrenReached} 人次；儿童主任培训 {annual.directors.trained} / {annual.directors.total} 人；
          心理关注 {annual.concerns.recorded} 次、转介 {annual.concerns.referred} 次；更换委托照护人 {annual.entrustedCare.carersChanged} 次
        </Text>
      )}
      <NavRow id='dashboard-staffing-link' title='儿童主任配备与培训' onClick={() => void Taro.navigateTo({ url: `${ROUTES.careStaffing}${regionQuery}` })} />
      <NavRow id='dashboard-activities-link' title='关爱活动' onClick={() => void Taro.navigateTo({ url: ROUTES.careActivities })} />
    </View>
  )
}
