import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { GRADE_BAND_LABELS } from '@qstx/shared'
import { isApiError } from '../../../../api/api-error'
import { useChildCard } from '../../../../api/children'
import ConcernButton from '../../../../components/ConcernButton'
import CareLinks from '../../components/CareLinks'
import ErrorState from '../../../../components/ErrorState'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { wechat } from '../../../../platform/wechat'
import './index.scss'

/**
 * The love parent's card of a paired child (JOURNEYS: 王阿姨 step 4): what helps on a visit and
 * who to call — nothing else. Anyone not actively paired gets "not found", like a missing child.
 */
export default function ChildCardPage() {
  useRequireLogin()
  const { id = '' } = useRouter().params
  const card = useChildCard(id)

  if (card.isError) {
    const notFound = isApiError(card.error) && card.error.status === 404
    return (
      <View className='page'>
        <ErrorState
          id='child-card-error'
          title={notFound ? '没有找到这个孩子' : '无法打开孩子的卡片'}
          message={notFound ? '只有与孩子结对的爱心家长可以查看。如有疑问，请联系儿童主任。' : card.error.message}
          onRetry={notFound ? undefined : () => void card.refetch()}
        />
      </View>
    )
  }
  if (!card.data) {
    return (
      <View className='page'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }

  const c = card.data
  const phone = c.director.workPhone
  return (
    <View className='page child-card'>
      <View id='child-card' className='card'>
        <Text className='child-card__name'>{c.displayName}</Text>
        <Text className='child-card__facts'>
          {c.age}岁 · {c.gender === 'male' ? '男孩' : '女孩'}
          {c.gradeBand ? ` · ${GRADE_BAND_LABELS[c.gradeBand]}` : ''}
        </Text>
        <Text className='item__line'>{c.villageName}</Text>
      </View>
      {c.interests.length > 0 && (
        <View className='card'>
          <Text className='child-card__label'>喜欢</Text>
          <View className='tags'>
            {c.interests.map((t) => (
              <Text key={t} className='tag child-card__tag'>
                {t}
              </Text>
            ))}
          </View>
        </View>
      )}
      {c.needs.length > 0 && (
        <View className='card'>
          <Text className='child-card__label'>需要帮助</Text>
          <View className='tags'>
            {c.needs.map((t) => (
              <Text key={t} className='tag tag--flag child-card__tag'>
                {t}
              </Text>
            ))}
          </View>
        </View>
      )}
      {c.serviceTips && (
        <View className='card'>
          <Text className='child-card__label'>儿童主任的提示</Text>
          <Text className='child-card__tips'>{c.serviceTips}</Text>
        </View>
      )}
      <View className='card'>
        <Text className='child-card__label'>儿童主任</Text>
        <Text className='child-card__director'>{c.director.name}</Text>
        {phone ? (
          <Button
            id='child-card-call'
            type='primary'
            size='large'
            block
            onClick={() => void wechat.makePhoneCall(phone).catch(() => Taro.showToast({ title: `请拨打 ${phone}`, icon: 'none' }))}
          >
            拨打 {phone}
          </Button>
        ) : (
          <Text className='muted'>儿童主任还没有填写工作电话</Text>
        )}
      </View>
      <ConcernButton id='child-card-report-concern' childId={c.id} />
      {/* Only a paired love parent ever sees a card. */}
      <CareLinks childId={c.id} role='volunteer' card />
    </View>
  )
}
