import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@qstx/shared'
import ErrorState from '../../components/ErrorState'
import { ROLE_DUTIES } from '../../constants/role-duties'
import { useMe } from '../../hooks/use-auth'
import { useRequireLogin } from '../../hooks/use-require-login'
import './index.scss'

/** Who you are here and what your role does; the work lists arrive with their features. */
export default function HomePage() {
  useRequireLogin()
  const me = useMe()

  if (me.isError) {
    return (
      <View className='page'>
        <ErrorState id='home-error' title='无法加载您的信息' message={me.error.message} retryId='home-retry' onRetry={() => void me.refetch()} />
      </View>
    )
  }
  if (!me.data) {
    return (
      <View className='page'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }

  const { displayName, activeRole } = me.data
  return (
    <View className='page home'>
      <Text id='home-greeting' className='page-title'>
        {displayName}，您好
      </Text>
      {activeRole ? (
        <View className='card'>
          <Text id='home-role' className='home__role'>
            {ROLE_LABELS[activeRole.role]}
          </Text>
          <Text id='home-region' className='muted home__region'>
            {activeRole.regionName}
          </Text>
          <Text className='home__duties-title'>您的工作</Text>
          <View id='home-duties'>
            {ROLE_DUTIES[activeRole.role].map((duty) => (
              <Text key={duty} className='home__duty'>
                {duty}
              </Text>
            ))}
          </View>
        </View>
      ) : (
        <Text id='home-no-role' className='card'>
          您的账号还没有分配角色。请联系所在地的妇联或民政部门工作人员。
        </Text>
      )}
    </View>
  )
}
