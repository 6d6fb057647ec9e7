import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useHotlines } from '../../../../api/safeguarding'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { wechat } from '../../../../platform/wechat'
import './index.scss'

/**
 * 我担心这个孩子 — the first screen is the numbers to call, before any form: a child in danger now
 * needs the police or an ambulance, not a report that someone reads later. The list shows at once
 * from the shared table (no waiting on village signal); the server's list replaces it.
 */
export default function SafeguardingStartPage() {
  useRequireLogin()
  const { childId } = useRouter().params
  const me = useMe()
  const hotlines = useHotlines(me.data?.activeRole?.regionCode)

  const call = (number: string) => {
    wechat.makePhoneCall(number).catch(() => {
      // Cancelled on the phone's own dialog, or no dialer (a desk computer): say the number instead.
      void Taro.showToast({ title: `请拨打 ${number}`, icon: 'none' })
    })
  }
  const next = childId ? `${ROUTES.reportNew}?childId=${encodeURIComponent(childId)}` : ROUTES.reportNew

  return (
    <View className='page safeguarding-start'>
      <Text className='page-title'>孩子正处于危险中？</Text>
      <Text className='safeguarding-start__lead'>请马上打电话。点一下就能拨出。</Text>
      <View id='hotlines'>
        {(hotlines.data ?? []).map((line) => (
          <View
            key={line.number}
            id={`hotline-${line.number}`}
            className={`hotline${line.number === '110' || line.number === '120' ? ' hotline--urgent' : ''}`}
            hoverClass='hotline--pressed'
            onClick={() => call(line.number)}
          >
            <View className='hotline__body'>
              <Text className='hotline__number'>{line.number}</Text>
              <Text className='hotline__label'>{line.label}</Text>
              {line.then && <Text className='hotline__then'>{line.then}</Text>}
            </View>
            <Text className='hotline__call'>拨打</Text>
          </View>
        ))}
      </View>
      <View className='card safeguarding-start__next'>
        <Text className='safeguarding-start__next-text'>
          打完电话后，或者孩子没有马上的危险，请写下看到的情况。儿童主任和相关负责人会立即收到通知。
        </Text>
        <Button id='report-continue' type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: next })}>
          继续填写报告
        </Button>
      </View>
    </View>
  )
}
