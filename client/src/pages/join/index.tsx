import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TeamCodeSchema } from '@qstx/shared'
import { signInWithWechat } from '../../api/auth'
import { queryClient } from '../../api/query-client'
import { getToken } from '../../api/session'
import { useJoinTeam } from '../../api/teams'
import PrivacyConsent from '../../components/PrivacyConsent'
import TextField from '../../components/TextField'
import { ROUTES } from '../../constants/routes'
import { usePrivacyConsent } from '../../hooks/use-privacy-consent'
import { serverFieldErrors } from '../../utils/form-errors'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'

/** Codes travel through chat: accept lower case and stray spaces, keep 8 characters. */
const normalizeCode = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8)

/**
 * A team's share card opens here (`/pages/join/index?code=…`, main package, so it opens at once):
 * privacy consent first, WeChat sign-in if needed, joining the team, then straight on to the
 * sign-up wizard — members sign up and are vetted one by one like everyone else.
 */
export default function JoinPage() {
  const { params } = useRouter()
  const [code, setCode] = useState(() => normalizeCode(params.code ?? ''))
  const [codeError, setCodeError] = useState<string | undefined>()
  const [signingIn, setSigningIn] = useState(false)
  const [signInError, setSignInError] = useState<string | null>(null)
  const [consented, agree] = usePrivacyConsent()
  const join = useJoinTeam()
  const signedIn = getToken() !== null

  const serverCodeError = join.isError ? serverFieldErrors(join.error).code : undefined
  const generalError = signInError ?? (join.isError && !serverCodeError ? join.error.message : null)

  const submit = async () => {
    if (join.isPending || signingIn) return
    const parsed = TeamCodeSchema.safeParse(code)
    if (!parsed.success) return setCodeError(parsed.error.issues[0]?.message)
    setCodeError(undefined)
    setSignInError(null)
    join.reset()
    if (!signedIn) {
      setSigningIn(true)
      try {
        await signInWithWechat()
        // A new person on this device: nothing cached may belong to anyone before.
        queryClient.clear()
      } catch (error) {
        setSignInError((error as Error).message)
        return
      } finally {
        setSigningIn(false)
      }
    }
    join.mutate(parsed.data, {
      onSuccess: ({ team }) => {
        void Taro.showToast({ title: `已加入${team.name}`.slice(0, 14), icon: 'none' })
        void Taro.redirectTo({ url: ROUTES.volunteerSignup })
      },
    })
  }

  // Consent before anything is sent about this person (signing in creates an account).
  if (!signedIn && !consented) {
    return (
      <View className='page join'>
        <Text className='page-title'>加入志愿服务队</Text>
        <Text className='join__intro'>团队负责人邀请您加入牵手童行，为农村留守儿童和困境儿童当“爱心家长”。</Text>
        <PrivacyConsent onAgree={agree} />
      </View>
    )
  }

  return (
    <View className='page join'>
      <Text className='page-title'>加入志愿服务队</Text>
      <Text className='join__intro'>加入后请填写报名信息。妇联审核通过后，会为您安排结对的孩子。</Text>
      <View className='card'>
        <TextField
          id='join-code'
          label='团队加入码'
          hint='8位字母或数字，向团队负责人索取'
          value={code}
          onChange={(v) => {
            setCode(normalizeCode(v))
            setCodeError(undefined)
          }}
          error={codeError ?? serverCodeError}
          maxlength={8}
        />
        {join.data && (
          <Text id='join-team' className='join__team'>
            已加入：{join.data.team.name}
          </Text>
        )}
        {generalError && (
          <Text id='join-error' className='form-error'>
            {generalError}
          </Text>
        )}
        <Button
          id={signedIn ? 'join-accept' : 'join-wechat'}
          type='primary'
          size='large'
          block
          loading={join.isPending || signingIn}
          onClick={() => void submit()}
        >
          {signedIn ? '加入团队并报名' : isH5 ? '用微信登录（演示）并加入' : '微信登录并加入'}
        </Button>
      </View>
    </View>
  )
}
