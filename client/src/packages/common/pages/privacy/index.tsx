import { Text, View } from '@tarojs/components'
import { PRIVACY_NOTICE } from '../../privacy-notice'
import './index.scss'

/** The privacy notice summary, readable before sign-in (linked from the consent panel and 我的). */
export default function PrivacyPage() {
  return (
    <View id='privacy-notice' className='page privacy'>
      <Text className='page-title'>用户隐私保护指引（摘要）</Text>
      {PRIVACY_NOTICE.map((section) => (
        <View key={section.title} className='card'>
          <Text className='privacy__heading'>{section.title}</Text>
          {section.paragraphs.map((text) => (
            <Text key={text} className='privacy__paragraph'>
              {text}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
