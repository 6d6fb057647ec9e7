import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  id: string
  label: string
  hint?: string
  on: boolean
  onToggle: () => void
  /** Green for a check that was done (vetting); the accent colour otherwise. */
  tone?: 'success'
}

/** A yes/no choice as one large tappable row with a box: easier to hit and read than a switch. */
export default function Tick({ id, label, hint, on, onToggle, tone }: Props) {
  return (
    <View id={id} className={`tick${on ? ' tick--on' : ''}${tone ? ` tick--${tone}` : ''}`} aria-checked={on} onClick={onToggle}>
      <Text className='tick__box'>{on ? '✓' : ''}</Text>
      <View className='tick__text'>
        <Text className='tick__label'>{label}</Text>
        {hint && <Text className='tick__hint'>{hint}</Text>}
      </View>
    </View>
  )
}
