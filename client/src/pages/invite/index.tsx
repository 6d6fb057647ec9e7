import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RedeemInvitationBodySchema } from '@qstx/shared'
import { useRedeemInvitation } from '../../api/invitations'
import { getToken } from '../../api/session'
import PrivacyConsent from '../../components/PrivacyConsent'
import TextField from '../../components/TextField'
import { useMe } from '../../hooks/use-auth'
import { usePrivacyConsent } from '../../hooks/use-privacy-consent'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../utils/form-errors'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'

/** At a desk without an account, the same shared schema with name, username and password required. */
const DeskRedeemSchema = RedeemInvitationBodySchema.required({ displayName: true, username: true, password: true })

const FORM_FIELDS = ['code', 'displayName', 'username', 'password'] as const

/** Codes travel through chat and phone calls: accept lower case and stray spaces, keep 10 characters. */
const normalizeCode = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10)

/**
 * Redeeming an invitation (the link the inviter shares is `/pages/invite/index?code=…`). Signed in
 * (WeChat): just accept. At a desk without an account: also choose a name, username and password,
 * checked here with the same shared schemas the server uses. Either way the new role is active on
 * landing at home.
 */
export default function InvitePage() {
  const { params } = useRouter()
  const [code, setCode] = useState(() => normalizeCode(params.code ?? ''))
  const [displayName, setDisplayName] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [password2, setPassword2] = useState('')
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [consented, agree] = usePrivacyConsent()
  const signedIn = getToken() !== null
  const me = useMe()
  const redeem = useRedeemInvitation()

  const desk = !signedIn && isH5
  const serverErrors = redeem.isError ? serverFieldErrors(redeem.error) : {}
  const errors: FieldErrors = { ...serverErrors, ...clientErrors }
  // A server error about a field on screen shows at that field (USERNAME_TAKEN); anything else
  // (INVITATION_INVALID, CREDENTIALS_REQUIRED, no connection) above the button.
  const onScreen: readonly string[] = desk ? FORM_FIELDS : ['code']
  const generalError = redeem.isError && !onScreen.some((f) => serverErrors[f]) ? redeem.error.message : null

  const edit = (field: string, set: (value: string) => void) => (value: string) => {
    set(value)
    setClientErrors(({ [field]: _dropped, ...rest }) => rest)
  }

  const submit = () => {
    if (redeem.isPending) return
    const parsed = desk
      ? DeskRedeemSchema.safeParse({ code, displayName, username, password })
      : RedeemInvitationBodySchema.safeParse({ code })
    const found = parsed.success ? {} : zodFieldErrors(parsed.error)
    if (desk && password2 !== password) found.password2 = '两次输入的密码不一致'
    setClientErrors(found)
    if (!parsed.success || Object.keys(found).length > 0) return
    redeem.reset()
    redeem.mutate({ body: parsed.data, withWechat: !signedIn && !isH5 })
  }

  // Consent before any personal data is asked for (the desk form asks for a name).
  if (!signedIn && !consented) {
    return (
      <View className='page invite'>
        <Text className='page-title'>加入牵手童行</Text>
        <PrivacyConsent onAgree={agree} />
      </View>
    )
  }

  return (
    <View className='page invite'>
      <Text className='page-title'>加入牵手童行</Text>
      <Text className='invite__intro'>请填写邀请人给您的10位邀请码。</Text>
      <View className='card'>
        <TextField id='invite-code' label='邀请码' value={code} onChange={edit('code', (v) => setCode(normalizeCode(v)))} error={errors.code} maxlength={10} />
        {signedIn && me.data && (
          <Text id='invite-as' className='invite__as'>
            将以“{me.data.displayName}”的身份接受邀请
          </Text>
        )}
        {desk && (
          <View>
            <TextField id='invite-name' label='姓名' hint='请填写真实姓名' value={displayName} onChange={edit('displayName', setDisplayName)} error={errors.displayName} maxlength={20} />
            <TextField
              id='invite-username'
              label='用户名'
              hint='4–32位小写字母、数字或 . _ -，以字母开头；以后在电脑上登录时使用'
              value={username}
              onChange={edit('username', setUsername)}
              error={errors.username}
              maxlength={32}
            />
            <TextField id='invite-password' label='密码' hint='至少10位，须同时包含字母和数字' value={password} onChange={edit('password', setPassword)} error={errors.password} password maxlength={128} />
            <TextField id='invite-password2' label='再次输入密码' value={password2} onChange={edit('password2', setPassword2)} error={errors.password2} password maxlength={128} onConfirm={submit} />
          </View>
        )}
        {generalError && (
          <Text id='invite-error' className='form-error'>
            {generalError}
          </Text>
        )}
        <Button
          id={signedIn ? 'invite-accept' : desk ? 'invite-submit' : 'invite-wechat'}
          type='primary'
          size='large'
          block
          loading={redeem.isPending}
          onClick={submit}
        >
          {signedIn ? '接受邀请' : desk ? '接受邀请并创建账号' : '微信登录并接受邀请'}
        </Button>
      </View>
    </View>
  )
}
