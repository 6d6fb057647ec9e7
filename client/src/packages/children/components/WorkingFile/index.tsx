import { Text, View } from '@tarojs/components'
import { CHILD_CATEGORY_LABELS, PRIORITY_REASON_LABELS, type ChildWorkingView } from '@qstx/shared'
import Kv from '../Kv'

/**
 * The coordinator's working view: what a pairing needs, nothing more. The server sends only these
 * fields, and only these are drawn — no empty rows for what the role may not see.
 */
export default function WorkingFile({ child }: { child: ChildWorkingView }) {
  return (
    <View className='card'>
      <Text className='section-title'>结对工作信息</Text>
      <Kv k='儿童类别' v={child.categories.map((c) => CHILD_CATEGORY_LABELS[c]).join('、')} />
      <Kv k='优先结对' v={child.priorityReasons.map((p) => PRIORITY_REASON_LABELS[p]).join('、') || '否'} />
      <Kv k='兴趣爱好' v={child.interests.join('、')} />
      <Kv k='需要哪些帮助' v={child.needs.join('、')} />
      <Kv k='监护人同意' v={child.consentOnFile ? '已记录' : '未记录（结对前必须取得）'} />
      <Kv k='结对情况' v={child.pairingStatus === 'paired' ? '已结对' : '未结对'} />
      {child.status === 'closed' && <Kv k='档案状态' v='已结案' />}
    </View>
  )
}
