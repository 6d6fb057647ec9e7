import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ACCEPTANCE_TEXTS, ACCEPTANCE_VERSIONS, type AcceptanceDocument } from '@qstx/shared'
import { ROUTES } from '../../../../constants/routes'
import { formatDate } from '../../../../utils/format'
import StepButton from './StepButton'
import type { StepProps } from './types'

/**
 * One of the three texts, in full, then an explicit tick in the person's own words
 * (我已阅读并同意…). The version shown is the one sent: the server refuses an old one.
 */
export default function AcceptanceStep({ doc, profile, onNext, serverErrors, saving, next }: StepProps & { doc: AcceptanceDocument }) {
  const text = ACCEPTANCE_TEXTS[doc]
  const accepted = profile?.acceptances[doc]
  const current = accepted?.current === true
  const [ticked, setTicked] = useState(current)
  const [error, setError] = useState<string | undefined>()
  const shownError = error ?? serverErrors[`acceptances.${doc}`] ?? serverErrors.acceptances

  const go = () => {
    if (!ticked) return setError(`请阅读上面的内容，然后点“${text.agree}”`)
    onNext(current ? null : { acceptances: { [doc]: ACCEPTANCE_VERSIONS[doc] } })
  }

  return (
    <View>
      <View className='card acceptance'>
        <Text className='acceptance__title'>{text.title}</Text>
        {text.paragraphs.map((p) => (
          <Text key={p} className='acceptance__paragraph'>
            {p}
          </Text>
        ))}
        {doc === 'privacy' && (
          <Text className='link acceptance__link' onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
            查看《牵手童行用户隐私保护指引》全文
          </Text>
        )}
      </View>
      <View
        id={`accept-${doc}`}
        className={`tick${ticked ? ' tick--on' : ''}${shownError ? ' tick--invalid' : ''}`}
        aria-checked={ticked}
        onClick={() => {
          setTicked(!ticked)
          setError(undefined)
        }}
      >
        <Text className='tick__box'>{ticked ? '✓' : ''}</Text>
        <Text className='tick__label'>{text.agree}</Text>
      </View>
      {current && accepted && <Text className='muted signup__note'>您已于 {formatDate(accepted.acceptedAt)} 同意。</Text>}
      {shownError && (
        <Text id={`accept-${doc}-error`} className='form-error'>
          {shownError}
        </Text>
      )}
      <StepButton id={next.id} label={next.label} loading={saving} onClick={go} />
    </View>
  )
}
