import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { MobileSchema } from '@qstx/shared'
import TextField from '../../../../components/TextField'
import WechatOnlyNote from '../../../../components/WechatOnlyNote'
import { wechat } from '../../../../platform/wechat'
import StepButton from './StepButton'
import type { StepProps } from './types'

/**
 * The phone number: in WeChat one tap on the getPhoneNumber button (the server turns the code into
 * the number; it is never typed or shown in full); in a browser, or when she prefers another
 * number, typed. A saved number is shown masked and kept unless she asks to change it.
 */
export default function PhoneStep({ profile, onNext, serverErrors, saving, next }: StepProps) {
  const saved = profile?.phoneMasked ?? null
  const [changing, setChanging] = useState(!saved)
  const [typing, setTyping] = useState(!wechat.capabilities.phoneNumberButton)
  const [phone, setPhone] = useState('')
  const [error, setError] = useState<string | undefined>()
  const codeError = serverErrors.phoneCode

  const fromWechat = (detail: { code?: string; errMsg: string }) => {
    try {
      onNext({ phoneCode: wechat.phoneNumberCode(detail) })
    } catch {
      // Declined (or an old WeChat): typing is the way left.
      setTyping(true)
      setError('没有获得微信手机号，请在下面填写')
    }
  }

  const go = () => {
    if (!changing) return onNext(null)
    const parsed = MobileSchema.safeParse(phone)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message)
    onNext({ phone: parsed.data })
  }

  if (!changing) {
    return (
      <View>
        <View className='card'>
          <Text className='signup__question'>我们用这个号码联系您</Text>
          <Text id='signup-phone-saved' className='signup__big-value'>
            {saved}
          </Text>
          <Text id='signup-phone-change' className='link signup__change' onClick={() => setChanging(true)}>
            换一个号码
          </Text>
        </View>
        <StepButton id={next.id} label={next.label} loading={saving} onClick={go} />
      </View>
    )
  }

  return (
    <View>
      <View className='card'>
        <Text className='signup__question'>妇联和儿童主任用这个号码联系您。它会加密保存，团队负责人看不到。</Text>
        {!typing && (
          <View>
            <Button
              id='signup-phone-wechat'
              type='primary'
              size='large'
              block
              loading={saving}
              openType='getPhoneNumber'
              onGetPhoneNumber={(e) => fromWechat(e.detail)}
            >
              使用微信绑定的手机号
            </Button>
            {codeError && <Text className='form-error'>{codeError}</Text>}
            <Text className='link signup__change' onClick={() => setTyping(true)}>
              填写其他号码
            </Text>
          </View>
        )}
        <WechatOnlyNote id='signup-phone-wechat-note' needs='phoneNumberButton'>
          在微信小程序里可以一键使用微信绑定的手机号；在网页上请在下面填写。
        </WechatOnlyNote>
        {typing && (
          <TextField
            id='signup-phone'
            label='手机号'
            hint='11位手机号'
            type='number'
            value={phone}
            onChange={(v) => {
              setPhone(v.replace(/\D/g, '').slice(0, 11))
              setError(undefined)
            }}
            error={error ?? serverErrors.phone ?? codeError}
            maxlength={11}
            onConfirm={go}
          />
        )}
      </View>
      {(typing || saved) && <StepButton id={next.id} label={typing ? next.label : '保留原来的号码'} loading={saving} onClick={typing ? go : () => onNext(null)} />}
    </View>
  )
}
