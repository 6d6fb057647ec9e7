import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CHILD_CATEGORY_LABELS, CLOSE_REASON_LABELS, RISK_LEVEL_LABELS, roleCan } from '@qstx/shared'
import { useChild } from '../../../../api/children'
import ConcernButton from '../../../../components/ConcernButton'
import ErrorState from '../../../../components/ErrorState'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDate } from '../../../../utils/format'
import CareLinks from '../../components/CareLinks'
import FileActions from '../../components/FileActions'
import FullFile from '../../components/FullFile'
import HistoryList from '../../components/HistoryList'
import WorkingFile from '../../components/WorkingFile'
import { RISK_CLASS } from '../../labels'
import './index.scss'

/**
 * A child's file in the view the server gives this role: the full file (directors, supervisors,
 * civil affairs — identifiers masked, reveals audited) or the coordinator's working view. Only
 * what arrived is drawn.
 */
export default function ChildFilePage() {
  useRequireLogin()
  const { id = '' } = useRouter().params
  const me = useMe()
  const child = useChild(id)
  const [showHistory, setShowHistory] = useState(false)
  const role = me.data?.activeRole?.role

  if (child.isError) {
    return (
      <View className='page'>
        <ErrorState id='child-error' title='无法打开档案' message={child.error.message} onRetry={() => void child.refetch()} />
      </View>
    )
  }
  if (!child.data) {
    return (
      <View className='page'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }

  const c = child.data
  const full = c.view === 'full' ? c : null
  return (
    <View className='page child-file'>
      <View id='child-file' data-view={c.view} className='card child-file__head'>
        <Text id='child-name' className='child-file__name'>
          {c.name}
        </Text>
        <Text className='item__line'>
          {c.gender === 'male' ? '男' : '女'} · {c.age}岁 · {c.villageName}
        </Text>
        <View className='tags'>
          {c.categories.map((x) => (
            <Text key={x} className='tag'>
              {CHILD_CATEGORY_LABELS[x]}
            </Text>
          ))}
          {full?.risk && <Text className={RISK_CLASS[full.risk.level]}>{RISK_LEVEL_LABELS[full.risk.level]}</Text>}
          {full?.nearWater && <Text className='tag tag--flag'>临水</Text>}
          {full && full.specialAttention.length > 0 && <Text className='tag tag--flag'>重点关注</Text>}
          {full && full.agingOut.length > 0 && <Text className='tag tag--warn'>已到年龄上限</Text>}
        </View>
        {full?.closed && (
          <Text id='child-closed' className='child-file__closed'>
            已结案（{formatDate(full.closed.at)}）：{CLOSE_REASON_LABELS[full.closed.reason]}
            {full.closed.note ? ` · ${full.closed.note}` : ''}。档案只读。
          </Text>
        )}
        {full && full.agingOut.length > 0 && !full.closed && (
          <Text className='child-file__aging'>孩子已到{full.agingOut.map((x) => CHILD_CATEGORY_LABELS[x]).join('、')}的年龄上限：请结案或调整儿童类别。</Text>
        )}
      </View>
      <ConcernButton id='child-report-concern' childId={c.id} />
      {full && role && <CareLinks childId={c.id} role={role} />}
      {full && role && (roleCan(role, 'child.update') || roleCan(role, 'child.close')) && <FileActions child={full} role={role} />}
      {full ? <FullFile child={full} /> : c.view === 'working' ? <WorkingFile child={c} /> : null}
      {full && role && roleCan(role, 'child.history') && (
        <View className='card'>
          <Button id='child-history-toggle' size='large' block onClick={() => setShowHistory(!showHistory)}>
            {showHistory ? '收起历史记录' : '查看历史记录'}
          </Button>
          {showHistory && <HistoryList childId={c.id} />}
        </View>
      )}
    </View>
  )
}
