import { useState } from 'react'

/**
 * A desk computer (wide H5 window) gets the long form with every section; a phone gets one
 * section per screen. The mini-program always runs on a phone.
 */
export function useWideScreen(): boolean {
  const [wide] = useState(() => process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.innerWidth >= 768)
  return wide
}
