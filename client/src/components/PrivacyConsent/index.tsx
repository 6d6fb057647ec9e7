import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES } from '../../constants/routes'
import { PRIVACY_AGREE_BUTTON_ID } from '../../hooks/use-privacy-consent'
import './index.scss'

interface Props {
  onAgree: () => void
}

/**
 * Consent comes before anything else (JOURNEYS: 王阿姨 step 1). On weapp the button also carries
 * openType="agreePrivacyAuthorization", so one tap records consent with WeChat for its privacy APIs.
 */
export default function PrivacyConsent({ onAgree }: Props) {
  return (
    <View id='privacy-consent' className='card privacy-consent'>
      <Text className='privacy-consent__title'>使用前请阅读隐私保护指引</Text>
      <Text className='privacy-consent__text'>
        我们只收集开展结对帮扶所必需的信息，并按角色和地区严格限制谁能看到。儿童的信息属于敏感个人信息，会加密保存，每次查看都有记录。
      </Text>
      <Text id='privacy-link' className='link privacy-consent__link' onClick={() => Taro.navigateTo({ url: ROUTES.privacy })}>
        查看《用户隐私保护指引》全文
      </Text>
      <Button id={PRIVACY_AGREE_BUTTON_ID} type='primary' size='large' block openType='agreePrivacyAuthorization' onClick={onAgree}>
        同意并继续
      </Button>
    </View>
  )
}
