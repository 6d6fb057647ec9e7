import { Text, Textarea, View } from '@tarojs/components'
import './index.scss'

interface Props {
  /** Tests type into `#id textarea` on H5; the error line is `#id-error`. */
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  error?: string | undefined
  placeholder?: string
  maxlength?: number
}

/** A labelled multi-line field (what was seen, a note), the same look as TextField. */
export default function TextArea({ id, label, value, onChange, hint, error, placeholder, maxlength }: Props) {
  return (
    <View className={`text-area${error ? ' text-area--invalid' : ''}`}>
      <Text className='text-area__label'>{label}</Text>
      {hint && <Text className='text-area__hint'>{hint}</Text>}
      <Textarea
        id={id}
        className='text-area__input'
        value={value}
        placeholder={placeholder}
        maxlength={maxlength ?? 2000}
        autoHeight={false}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && (
        <Text id={`${id}-error`} className='text-area__error'>
          {error}
        </Text>
      )}
    </View>
  )
}
