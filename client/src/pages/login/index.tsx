import Taro, { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { isApiError } from '../../api/api-error'
import { getToken } from '../../api/session'
import DeskSignIn from '../../components/DeskSignIn'
import ErrorState from '../../components/ErrorState'
import PersonaList from '../../components/PersonaList'
import PrivacyConsent from '../../components/PrivacyConsent'
import WechatSignIn from '../../components/WechatSignIn'
import { ROUTES } from '../../constants/routes'
import { useDevLogin, usePersonas } from '../../hooks/use-auth'
import { usePrivacyConsent } from '../../hooks/use-privacy-consent'
import './index.scss'

const isH5 = process.env.TARO_ENV === 'h5'

// A server without the demo routes (production) answers 404: then there is simply no demo section.
// Anything else (no connection, a 5xx) is worth saying to whoever runs the demo.
function personasErrorDetail(error: Error): string {
  if (isApiError(error) && error.status > 0) return `服务器没有提供演示账号（状态码 ${error.status}）`
  return error.message
}
const noDemo = (error: Error | null) => isApiError(error) && error.status === 404

/**
 * Welcome: what the programme is, privacy consent before anything else, then the way in for this
 * platform — WeChat on the mini-program, the desk sign-in on a computer — and, in the demo only,
 * the personas to sign in as.
 */
export default function LoginPage() {
  const [consented, agree] = usePrivacyConsent()
  const personas = usePersonas(consented)
  const login = useDevLogin()

  useLoad(() => {
    if (getToken()) void Taro.reLaunch({ url: ROUTES.home })
  })

  return (
    <View className='page login'>
      <Text className='page-title'>牵手童行</Text>
      <Text id='login-intro' className='login__intro'>
        为农村留守儿童和困境儿童结对“爱心家长”，由儿童主任和妇联一起守护孩子成长。
      </Text>

      {!consented && <PrivacyConsent onAgree={agree} />}

      {consented && !isH5 && (
        <View className='card'>
          <WechatSignIn id='wechat-login' label='微信一键登录' />
        </View>
      )}

      {consented && isH5 && <DeskSignIn />}

      {consented && (
        <Text id='login-invite-link' className='link login__invite' onClick={() => void Taro.navigateTo({ url: ROUTES.invite })}>
          收到了邀请码？点此加入
        </Text>
      )}

      {consented && personas.isPending && (
        <Text id='personas-loading' className='card muted'>
          正在加载演示账号…
        </Text>
      )}

      {consented && personas.isError && !noDemo(personas.error) && (
        <ErrorState
          id='personas-error'
          title='无法连接服务器'
          message={personasErrorDetail(personas.error)}
          retryId='personas-retry'
          onRetry={() => void personas.refetch()}
        />
      )}

      {consented && personas.isSuccess && (
        <View id='demo-section' className='login__demo'>
          <Text className='section-title'>演示环境</Text>
          {isH5 && (
            <View className='card'>
              <Text className='login__hint'>在电脑上模拟微信登录：每个浏览器是一个微信用户</Text>
              <WechatSignIn id='wechat-demo-login' label='用微信登录（演示）' />
            </View>
          )}
          <Text className='login__hint'>或选择一个演示身份登录</Text>
          {login.isError && (
            <Text id='login-error' className='card login__error'>
              {login.error.message}
            </Text>
          )}
          <PersonaList
            personas={personas.data}
            pendingKey={login.isPending ? (login.variables ?? null) : null}
            onPick={(key) => login.mutate(key)}
          />
        </View>
      )}
    </View>
  )
}
