import Taro, { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { isApiError } from '../../api/api-error'
import { getToken } from '../../api/session'
import ErrorState from '../../components/ErrorState'
import PersonaList from '../../components/PersonaList'
import PrivacyConsent from '../../components/PrivacyConsent'
import { ROUTES } from '../../constants/routes'
import { useDevLogin, usePersonas } from '../../hooks/use-auth'
import { usePrivacyConsent } from '../../hooks/use-privacy-consent'
import './index.scss'

// The server answered but without personas (not started yet, or a production server without the
// demo routes): a generic "not found" would confuse, so name the status for whoever runs the demo.
function personasErrorDetail(error: Error): string {
  if (isApiError(error) && error.status > 0) return `服务器没有提供演示账号（状态码 ${error.status}）`
  return error.message
}

/** Welcome: what the programme is, privacy consent first, then the demo personas to sign in as. */
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

      {consented && personas.isPending && (
        <Text id='personas-loading' className='card muted'>
          正在加载演示账号…
        </Text>
      )}

      {consented && personas.isError && (
        <ErrorState
          id='personas-error'
          title='无法连接服务器'
          message={personasErrorDetail(personas.error)}
          retryId='personas-retry'
          onRetry={() => void personas.refetch()}
        />
      )}

      {consented && personas.isSuccess && (
        <View>
          <Text className='login__hint'>演示环境：请选择一个身份登录</Text>
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
