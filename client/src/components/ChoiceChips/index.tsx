import { Text, View } from '@tarojs/components'
import './index.scss'

interface Option<T extends string> {
  value: T
  label: string
}

interface BaseProps<T extends string> {
  /** Each chip is `#<id>-<value>`; the error line `#<id>-error`. */
  id: string
  label?: string
  hint?: string
  options: ReadonlyArray<Option<T>>
  error?: string | undefined
  /** Red for danger choices (e.g. 正处于危险中). */
  tone?: (value: T) => 'danger' | undefined
  /** Big: one chip per line, for the few choices that matter most on a small phone. */
  big?: boolean
}

type Props<T extends string> =
  | (BaseProps<T> & { multiple?: false; value: T | null; onChange: (value: T) => void; /** Tapping the chosen chip again unsets it. */ onClear?: () => void })
  | (BaseProps<T> & { multiple: true; value: readonly T[]; onChange: (value: T[]) => void })

/** Labels for an enum, in the enum's order: `options(RISK_LEVELS, RISK_LEVEL_LABELS)`. */
export function options<T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>): Option<T>[] {
  return values.map((value) => ({ value, label: labels[value] }))
}

/**
 * A choice among a closed list, as large tappable chips: the picker for the shared enums. Chips show
 * every choice at once (no hidden wheel to discover) and are easy to hit on a small phone.
 */
export default function ChoiceChips<T extends string>(props: Props<T>) {
  const { id, label, hint, options: choices, error, tone, big } = props
  const selected = (value: T) => (props.multiple ? props.value.includes(value) : props.value === value)
  const toggle = (value: T) => {
    if (props.multiple) {
      props.onChange(props.value.includes(value) ? props.value.filter((v) => v !== value) : [...props.value, value])
    } else if (props.value === value && props.onClear) {
      props.onClear()
    } else {
      props.onChange(value)
    }
  }
  return (
    <View className={`choice${error ? ' choice--invalid' : ''}`}>
      {label && <Text className='choice__label'>{label}</Text>}
      {hint && <Text className='choice__hint'>{hint}</Text>}
      <View className={`choice__chips${big ? ' choice__chips--big' : ''}`}>
        {choices.map((option) => (
          <Text
            key={option.value}
            id={`${id}-${option.value}`}
            className={`choice__chip${selected(option.value) ? ' choice__chip--selected' : ''}${tone?.(option.value) === 'danger' ? ' choice__chip--danger' : ''}`}
            aria-selected={selected(option.value)}
            onClick={() => toggle(option.value)}
          >
            {selected(option.value) && props.multiple ? '✓ ' : ''}
            {option.label}
          </Text>
        ))}
      </View>
      {error && (
        <Text id={`${id}-error`} className='choice__error'>
          {error}
        </Text>
      )}
    </View>
  )
}
