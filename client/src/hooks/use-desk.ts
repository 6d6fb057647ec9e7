import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'

/** Where the desk layout starts (issue 19): a county office's screen, not a tablet held upright. */
export const DESK_MEDIA = '(min-width: 1024px)'

const matches = () => process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.matchMedia(DESK_MEDIA).matches

/**
 * True in a browser window at least 1024 px wide (H5 only: the mini-program is always a phone).
 * Follows the window as it is resized, so the same page switches between the phone and desk layouts.
 */
export function useDesk(): boolean {
  const [desk, setDesk] = useState(matches)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined
    const query = window.matchMedia(DESK_MEDIA)
    const follow = () => setDesk(query.matches)
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [])
  return desk
}

/**
 * The row shown beside a desk's list (`?id=` in the address, so a reload or a second tab opens the
 * same one). Only on a desk: a phone opens the row's own page instead, and gets null here.
 */
export function useDeskSelection(desk: boolean): [string | null, (id: string | null) => void] {
  const { params } = useRouter()
  const [selected, setSelected] = useState<string | null>(params.id ?? null)
  const select = (id: string | null) => {
    setSelected(id)
    if (process.env.TARO_ENV !== 'h5') return
    // The router's own history state is kept: only the address changes, no navigation happens.
    const url = new URL(window.location.href)
    if (id) url.searchParams.set('id', id)
    else url.searchParams.delete('id')
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`)
  }
  return [desk ? selected : null, select]
}
