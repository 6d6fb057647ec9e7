import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@qstx/shared'
import type { Route } from '../../constants/routes'
import { useMe } from '../../hooks/use-auth'
import { useDesk } from '../../hooks/use-desk'
import { NAV, openFromNav } from './nav'
import './index.scss'

interface Props {
  /** The page this frame is on (highlighted in the navigation). */
  current: Route
}

/**
 * The desk layout of a page (H5, a window ≥ 1024 px, signed in): the side navigation of this role
 * beside the page. Anywhere else — a phone, the mini-program — the page alone, as it always was.
 * Same page, same components: only the frame changes (the tab bar is hidden on a desk, app.scss).
 */
export default function DeskFrame({ current, children }: PropsWithChildren<Props>) {
  const desk = useDesk()
  const me = useMe()
  if (process.env.TARO_ENV !== 'h5' || !desk || !me.data) return <>{children}</>
  const active = me.data.activeRole
  const role = active?.role ?? null
  return (
    <View className='desk'>
      <View id='desk-nav' className='desk__nav' role='navigation'>
        <Text className='desk__brand'>牵手童行</Text>
        <Text className='desk__who'>
          {me.data.displayName}
          {active ? ` · ${ROLE_LABELS[active.role]}` : ''}
        </Text>
        {active && <Text className='desk__region'>{active.regionName}</Text>}
        {NAV.filter((e) => !e.may || e.may(role)).map((e) => (
          <Text
            key={e.key}
            id={`desk-nav-${e.key}`}
            className={`desk__link${e.route === current ? ' desk__link--current' : ''}`}
            aria-current={e.route === current ? 'page' : undefined}
            onClick={() => openFromNav(e.route, current)}
          >
            {e.label}
          </Text>
        ))}
      </View>
      <View className='desk__main'>{children}</View>
    </View>
  )
}
