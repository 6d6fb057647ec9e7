import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'

/** Opens a page of the app (route strings come from constants/routes.ts). */
export const go = (url: string) => () => void Taro.navigateTo({ url })

/** Something that answers (a query), or nothing to wait for. */
interface Settles {
  isSuccess: boolean
  isError: boolean
}

/** Every query has answered, one way or the other: the work section may say it is ready. */
export const settled = (...queries: Array<Settles | false>) => queries.every((q) => q === false || q.isSuccess || q.isError)

/**
 * The work of the day, first on home. `data-ready` appears once its figures have come back (or
 * failed): the end-to-end tests and the first-screen bench wait for it.
 */
export function WorkSection({ ready, children }: PropsWithChildren<{ ready: boolean }>) {
  return (
    <View id='home-work' className='work' data-ready={ready ? 'true' : undefined}>
      {children}
    </View>
  )
}

interface CardProps {
  id: string
  title: string
  /** "全部 ›" in the title row, to the whole list. */
  more?: { id: string; label: string; onClick: () => void }
  tone?: 'warn'
}

/** One piece of the day's work: a title, what needs doing, and the way to the whole list. */
export function WorkCard({ id, title, more, tone, children }: PropsWithChildren<CardProps>) {
  return (
    <View id={id} className={`card work-card${tone ? ` work-card--${tone}` : ''}`}>
      <View className='work-card__head'>
        <Text className='work-card__title'>{title}</Text>
        {more && (
          <Text id={more.id} className='work-card__more' onClick={more.onClick}>
            {more.label} ›
          </Text>
        )}
      </View>
      {children}
    </View>
  )
}

interface TallyProps {
  id: string
  /** undefined while loading: shows "…". */
  count: number | undefined
  label: string
  tone?: 'warn' | 'ok'
  onClick?: () => void
}

/**
 * A count to act on (a big number and what it counts), opening the list it counts. The number is
 * `#<id>-count` with `data-count`, so tests compare it with what the list's API answers.
 */
export function Tally({ id, count, label, tone, onClick }: TallyProps) {
  const warn = tone === 'warn' && (count ?? 0) > 0
  return (
    <View id={id} className={`tally${warn ? ' tally--warn' : ''}${tone === 'ok' ? ' tally--ok' : ''}`} hoverClass={onClick ? 'tally--pressed' : 'none'} onClick={onClick}>
      <Text id={`${id}-count`} className='tally__count' data-count={count}>
        {count ?? '…'}
      </Text>
      <Text className='tally__label'>{label}</Text>
    </View>
  )
}

/** A row of tallies, wrapping on small screens. */
export const Tallies = ({ children }: PropsWithChildren) => <View className='tallies'>{children}</View>

/** A short line under a card's title (a person, a child, a date), tappable when it opens something. */
export function WorkLine({ id, title, detail, tone, onClick }: { id: string; title: string; detail?: string; tone?: 'warn'; onClick?: () => void }) {
  return (
    <View id={id} className='work-line' hoverClass={onClick ? 'work-line--pressed' : 'none'} onClick={onClick}>
      <View className='work-line__body'>
        <Text className='work-line__title'>{title}</Text>
        {detail && <Text className={`work-line__detail${tone ? ' work-line__detail--warn' : ''}`}>{detail}</Text>}
      </View>
      {onClick && <Text className='work-line__go'>›</Text>}
    </View>
  )
}
