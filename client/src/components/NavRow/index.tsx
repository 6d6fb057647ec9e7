import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  id: string
  title: string
  description?: string
  /** Right-hand word ("进入", "当前", …); an arrow when omitted. */
  extra?: string
  /** Without onClick the row is plain text (e.g. the current role). */
  onClick?: () => void
}

/**
 * A full-width tappable row: large title, an optional line under it, one word or an arrow on the
 * right. Our own rather than NutUI's Cell: it carries the element id and keeps the text large.
 */
export default function NavRow({ id, title, description, extra, onClick }: Props) {
  return (
    <View
      id={id}
      className={`nav-row${onClick ? '' : ' nav-row--static'}`}
      hoverClass={onClick ? 'nav-row--pressed' : 'none'}
      onClick={onClick}
    >
      <View className='nav-row__body'>
        <Text className='nav-row__title'>{title}</Text>
        {description && <Text className='nav-row__description'>{description}</Text>}
      </View>
      <Text className='nav-row__extra'>{extra ?? '›'}</Text>
    </View>
  )
}
