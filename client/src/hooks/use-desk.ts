import { useEffect, useState } from 'react'

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
