import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useSubscribeTemplates } from '../../../../api/subscribe'
import WechatOnlyNote from '../../../../components/WechatOnlyNote'
import { wechat } from '../../../../platform/wechat'

/**
 * 订阅审核结果通知: WeChat lets the server send one message per accepted request, and only asks
 * from a tap — so the template ids are loaded first and the request is the tap's first call. Only
 * inside WeChat: the H5 build has no subscribe bridge, and a button that pretends would mislead, so
 * a browser is told where the result will show instead.
 */
export default function SubscribeButton() {
  const supported = wechat.capabilities.subscribeMessage
  const templates = useSubscribeTemplates(supported)
  const [result, setResult] = useState<'accepted' | 'declined' | 'failed' | null>(null)
  if (!supported) {
    return (
      <WechatOnlyNote id='status-subscribe-note' needs='subscribeMessage'>
        网页版不能订阅微信通知。审核有了结果，会显示在这个页面，也会出现在首页的“通知”里。
      </WechatOnlyNote>
    )
  }
  if (!templates.data?.length) return null

  const subscribe = () => {
    wechat
      .requestSubscribeMessage(templates.data)
      .then((answers) => setResult(Object.values(answers).includes('accept') ? 'accepted' : 'declined'))
      .catch(() => setResult('failed'))
  }

  return (
    <View>
      {result !== 'accepted' && (
        <Button id='status-subscribe' size='large' block onClick={subscribe}>
          订阅审核结果通知
        </Button>
      )}
      {result && (
        <Text className='muted signup__note'>
          {result === 'accepted'
            ? '已订阅：审核有结果时，微信会通知您一次。'
            : result === 'declined'
              ? '您没有允许通知。审核结果也会显示在这个页面上。'
              : '暂时无法订阅，审核结果会显示在这个页面上。'}
        </Text>
      )}
    </View>
  )
}
