import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  /** The control's element id; the error line is `#<id>-error`. */
  id: string
  label: string
  /** The rule, shown under the label before anything goes wrong. */
  hint?: string
  error?: string | undefined
  /** The control, drawn in a `.field__box` (border, size, focus and error colours come from here). */
  children: ReactNode
}

/**
 * The frame every form control shares — label, rule, the control, the error in words — so a text
 * field, a note and a date look and read the same on a small phone.
 */
export default function Field({ id, label, hint, error, children }: Props) {
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>{label}</Text>
      {hint && <Text className='field__hint'>{hint}</Text>}
      {children}
      {error && (
        <Text id={`${id}-error`} className='field__error'>
          {error}
        </Text>
      )}
    </View>
  )
}
