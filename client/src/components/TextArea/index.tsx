import { Textarea } from '@tarojs/components'
import Field from '../Field'
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

/** A labelled multi-line field (what was seen, a note), in the same frame as TextField. */
export default function TextArea({ id, label, value, onChange, hint, error, placeholder, maxlength }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Textarea
        id={id}
        className='field__box text-area__input'
        value={value}
        placeholder={placeholder}
        maxlength={maxlength ?? 2000}
        autoHeight={false}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  )
}
