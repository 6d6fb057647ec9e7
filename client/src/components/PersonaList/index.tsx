import { Text, View } from '@tarojs/components'
import { ROLES, ROLE_LABELS, type Persona } from '@qstx/shared'
import './index.scss'

interface Props {
  personas: Persona[]
  /** Key of the persona being signed in, to show progress on that card and block double taps. */
  pendingKey: string | null
  onPick: (key: string) => void
}

/** Element id of a persona card: keys such as `demo.volunteer` contain dots, which `#id` selectors
 * would read as classes, so every character outside [A-Za-z0-9_-] becomes '-'. */
export const personaElementId = (key: string): string => `persona-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`

/** Demo personas as big cards, grouped by role in the programme's own order. */
export default function PersonaList({ personas, pendingKey, onPick }: Props) {
  const groups = ROLES.map((role) => ({ role, items: personas.filter((p) => p.role === role) })).filter(
    (group) => group.items.length > 0,
  )
  return (
    <View id='persona-list'>
      {groups.map(({ role, items }) => (
        <View key={role} className='persona-group'>
          <Text className='persona-group__title'>{ROLE_LABELS[role]}</Text>
          {items.map((persona) => (
            <View
              key={persona.key}
              id={personaElementId(persona.key)}
              className={`card persona-card${pendingKey === persona.key ? ' persona-card--pending' : ''}`}
              hoverClass='persona-card--pressed'
              onClick={() => pendingKey === null && onPick(persona.key)}
            >
              <Text className='persona-card__name'>{persona.name}</Text>
              <Text className='persona-card__region'>{persona.regionName}</Text>
              <Text className='persona-card__desc muted'>{persona.description}</Text>
              {pendingKey === persona.key && <Text className='persona-card__status'>正在登录…</Text>}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
