import { Text, View } from '@tarojs/components'
import { wechat, type WechatCapabilities } from '../../platform/wechat'
import './index.scss'

interface Props {
  id: string
  /** The WeChat-only capability this place of the page would use. */
  needs: keyof WechatCapabilities
  /** What happens here instead, in the person's words. */
  children: string
}

/**
 * Where a page would use something only WeChat has, a browser says what happens instead, so a
 * county worker at a desk is not left looking for a button that is not there. Inside WeChat it
 * renders nothing.
 */
export default function WechatOnlyNote({ id, needs, children }: Props) {
  if (wechat.capabilities[needs]) return null
  return (
    <View id={id} className='wechat-only-note'>
      <Text className='wechat-only-note__mark'>网页版</Text>
      <Text className='wechat-only-note__text'>{children}</Text>
    </View>
  )
}
