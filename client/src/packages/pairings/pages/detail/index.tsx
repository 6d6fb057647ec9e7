import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import DeskFrame from '../../../../components/DeskFrame'
import { ROUTES } from '../../../../constants/routes'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import PairingPanel from '../../components/PairingPanel'
import './index.scss'

/** One pairing on a page of its own: opened from the ledger on a phone, the work lists and the notifications (shared PAIRING_PAGES.detail). */
export default function PairingDetailPage() {
  useRequireLogin()
  const { id = '' } = useRouter().params
  return (
    <DeskFrame current={ROUTES.pairingLedger}>
      <View className='page'>
        <PairingPanel id={id} />
      </View>
    </DeskFrame>
  )
}
