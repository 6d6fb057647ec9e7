import { Input } from '@tarojs/components'
import Field from '../Field'
import './index.scss'

interface Props {
  /** Element id of the input (tests type into `#id input` on H5); the error line is `#id-error`. */
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  /** The rule, shown under the label before anything goes wrong. */
  hint?: string
  error?: string | undefined
  password?: boolean
  placeholder?: string
  maxlength?: number
  disabled?: boolean
  /** The phone's keyboard: 'idcard' (digits and X), 'number', 'digit'; plain text by default. */
  type?: 'text' | 'number' | 'idcard' | 'digit'
  /** The keyboard's done/enter key (e.g. submit the form from the last field). */
  onConfirm?: () => void
}

/**
 * One labelled text field with its rule and its error in words. Taro's own Input (not NutUI's):
 * the same element on weapp and H5.
 */
export default function TextField({ id, label, value, onChange, hint, error, password, placeholder, maxlength, disabled, type, onConfirm }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Input
        id={id}
        className='field__box text-field__input'
        value={value}
        password={password}
        type={type ?? 'text'}
        placeholder={placeholder}
        maxlength={maxlength ?? 140}
        disabled={disabled}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={onConfirm ? () => onConfirm() : undefined}
      />
    </Field>
  )
}
