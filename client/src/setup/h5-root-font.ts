// Taro's H5 build converts px to rem assuming the root font size follows the viewport (40px per 750
// design px). Taro's own inline script does that, but the server's CSP (script-src 'self') blocks
// inline scripts, so it runs from the bundle instead — before the first page renders. Capped at
// 24px: uncapped, desk computers would show the phone layout at poster size.
function fitRootFont(): void {
  const { width, height } = document.documentElement.getBoundingClientRect()
  const shortSide = Math.min(width || height, height || width)
  const size = Math.max(20, Math.min(24, (40 * shortSide) / 750))
  document.documentElement.style.fontSize = `${size}px`
}

if (process.env.TARO_ENV === 'h5') {
  fitRootFont()
  window.addEventListener('resize', fitRootFont)
}
