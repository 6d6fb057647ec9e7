import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import DeskFrame from '../../../../components/DeskFrame'
import { ROUTES } from '../../../../constants/routes'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import ApplicationPanel from '../../components/ApplicationPanel'
import './index.scss'

/** One application on a page of its own (a phone; notifications and shared links open it too). */
export default function ApplicationPage() {
  useRequireLogin()
  const { params } = useRouter()
  return (
    <DeskFrame current={ROUTES.vettingQueue}>
      <View className='page vetting'>
        <ApplicationPanel id={params.id} />
      </View>
    </DeskFrame>
  )
}
