import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type Invitation } from '@qstx/shared'
import WechatOnlyNote from '../../../../components/WechatOnlyNote'
import { wechat } from '../../../../platform/wechat'
import { formatDate } from '../../../../utils/format'

const isH5 = process.env.TARO_ENV === 'h5'

interface Props {
  invitation: Invitation & { code: string; link: string }
  onAgain: () => void
}

async function copy(text: string, what: string) {
  await Taro.setClipboardData({ data: text })
  // WeChat shows its own "内容已复制" toast; a browser shows nothing.
  if (isH5) void Taro.showToast({ title: `${what}已复制`, icon: 'success' })
}

/**
 * The code, shown once (only its hash is kept): big enough to read out over the phone, copyable,
 * and the link — shared to a WeChat chat on the mini-program, copied as a full URL on a computer.
 */
export default function InvitationResult({ invitation, onAgain }: Props) {
  const url = isH5 ? `${window.location.origin}${invitation.link}` : invitation.link
  return (
    <View id='invite-result' className='card invitation-new__result'>
      <Text className='invitation-new__step'>邀请码已生成</Text>
      <Text className='item__line'>
        {ROLE_LABELS[invitation.role]} · {invitation.regionName}
      </Text>
      <Text id='invite-result-code' className='invitation-new__code'>
        {invitation.code}
      </Text>
      <Text className='item__line'>
        {formatDate(invitation.expiresAt)} 前有效，只能使用一次。邀请码只显示这一次，请现在发给被邀请人。
      </Text>
      {isH5 && (
        <Text id='invite-result-link' className='invitation-new__link link'>
          {url}
        </Text>
      )}
      <Button id='invite-copy-code' size='large' block onClick={() => void copy(invitation.code, '邀请码')}>
        复制邀请码
      </Button>
      {wechat.capabilities.shareToChat ? (
        <Button id='invite-share' type='primary' size='large' block openType='share'>
          发送给被邀请人
        </Button>
      ) : (
        <Button id='invite-copy-link' type='primary' size='large' block onClick={() => void copy(url, '链接')}>
          复制邀请链接
        </Button>
      )}
      <WechatOnlyNote id='invite-share-note' needs='shareToChat'>
        网页上不能直接发到微信：请复制邀请链接，粘贴到微信聊天里发给被邀请人；也可以把邀请码念给对方。
      </WechatOnlyNote>
      <Button id='invite-again' size='large' block onClick={onAgain}>
        再邀请一位
      </Button>
    </View>
  )
}
