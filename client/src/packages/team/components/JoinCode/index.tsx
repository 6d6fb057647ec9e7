import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Team } from '@qstx/shared'
import WechatOnlyNote from '../../../../components/WechatOnlyNote'
import { wechat } from '../../../../platform/wechat'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'

async function copy(text: string, what: string) {
  await Taro.setClipboardData({ data: text })
  // WeChat shows its own "内容已复制" toast; a browser shows nothing.
  if (isH5) void Taro.showToast({ title: `${what}已复制`, icon: 'success' })
}

/**
 * The team's join code, big enough to read out at a meeting, with the ways to pass it on: the
 * mini-program shares a card to the team's WeChat group (the page's onShareAppMessage); a
 * browser copies the link and says so. `idPrefix` names the elements: #<prefix>-code, -copy-code, -share,
 * -copy-link, -share-note.
 */
export default function JoinCode({ team, idPrefix }: { team: Pick<Team, 'joinCode' | 'sharePath'>; idPrefix: string }) {
  const url = isH5 ? `${window.location.origin}${team.sharePath}` : team.sharePath
  return (
    <View className='join-code'>
      <Text className='join-code__label'>团队加入码</Text>
      <Text id={`${idPrefix}-code`} className='join-code__code'>
        {team.joinCode}
      </Text>
      <Text className='join-code__hint'>成员点开分享的链接，或在“加入志愿服务队”里输入这个码，就能加入本团队并报名。</Text>
      {isH5 && (
        <Text id={`${idPrefix}-link`} className='join-code__link link'>
          {url}
        </Text>
      )}
      {wechat.capabilities.shareToChat ? (
        <Button id={`${idPrefix}-share`} type='primary' size='large' block openType='share'>
          分享到团队微信群
        </Button>
      ) : (
        <Button id={`${idPrefix}-copy-link`} type='primary' size='large' block onClick={() => void copy(url, '链接')}>
          复制加入链接
        </Button>
      )}
      <WechatOnlyNote id={`${idPrefix}-share-note`} needs='shareToChat'>
        网页上不能直接分享到微信群：请复制加入链接，粘贴到团队的微信群里。
      </WechatOnlyNote>
      <Button id={`${idPrefix}-copy-code`} size='large' block onClick={() => void copy(team.joinCode, '加入码')}>
        复制加入码
      </Button>
    </View>
  )
}
