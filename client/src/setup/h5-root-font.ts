// Taro's H5 build converts px to rem assuming the root font size follows the viewport (40px per 750
// design px). Taro's own inline script does that, but the server's CSP (script-src 'self') blocks
// inline scripts, so it runs from the bundle instead — before the first page renders. Capped at
// 24px: uncapped, desk computers would show the phone layout at poster size.
//
// The person's own text size comes on top: a browser set to larger text (its font-size setting,
// 16px = 100 %) gets the whole page that much larger — older eyes are the reason this app exists
// in large print. Everything is in rem, so the layout grows with the text and must still fit: the
// end-to-end test checks every home and main form at 360 px with text at 150 %.

/** The browser's default text size as a factor of 16px (font-size: medium is the person's setting). */
function textScale(): number {
  const probe = document.createElement('div')
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
  document.documentElement.appendChild(probe)
  const px = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  return px > 0 ? Math.min(2, Math.max(1, px / 16)) : 1
}

function fitRootFont(): void {
  const { width, height } = document.documentElement.getBoundingClientRect()
  const shortSide = Math.min(width || height, height || width)
  const size = Math.max(20, Math.min(24, (40 * shortSide) / 750)) * textScale()
  document.documentElement.style.fontSize = `${size}px`
}

if (process.env.TARO_ENV === 'h5') {
  fitRootFont()
  window.addEventListener('resize', fitRootFont)
}
