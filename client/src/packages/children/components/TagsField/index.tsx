import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  id: string
  label: string
  hint?: string
  value: string[]
  onChange: (value: string[]) => void
  /** Common answers, one tap each; anything else can be typed. */
  suggestions: readonly string[]
  error?: string | undefined
}

const MAX_TAGS = 10

/** Short words (≤ 10 characters each, up to 10): tap a suggestion or type your own and add it. */
export default function TagsField({ id, label, hint, value, onChange, suggestions, error }: Props) {
  const [draft, setDraft] = useState('')
  const toggle = (tag: string) => onChange(value.includes(tag) ? value.filter((t) => t !== tag) : [...value, tag].slice(0, MAX_TAGS))
  const add = () => {
    const typed = draft.split(/[,，、;；\s]+/).map((t) => t.trim().slice(0, 10)).filter(Boolean)
    onChange([...new Set([...value, ...typed])].slice(0, MAX_TAGS))
    setDraft('')
  }
  const all = [...new Set([...suggestions, ...value])]
  return (
    <View className='tags-field'>
      <Text className='tags-field__label'>{label}</Text>
      {hint && <Text className='tags-field__hint'>{hint}</Text>}
      <View className='tags-field__chips'>
        {all.map((tag) => (
          <Text key={tag} className={`tags-field__chip${value.includes(tag) ? ' tags-field__chip--on' : ''}`} onClick={() => toggle(tag)}>
            {value.includes(tag) ? `✓ ${tag}` : tag}
          </Text>
        ))}
      </View>
      <View className='tags-field__add'>
        <Input id={id} className='tags-field__input' value={draft} placeholder='其他，输入后点“添加”' maxlength={40} onInput={(e) => setDraft(e.detail.value)} onConfirm={add} />
        <Text id={`${id}-add`} className='tags-field__add-button' onClick={add}>
          添加
        </Text>
      </View>
      {error && (
        <Text id={`${id}-error`} className='tags-field__error'>
          {error}
        </Text>
      )}
    </View>
  )
}
