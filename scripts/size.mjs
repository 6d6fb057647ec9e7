// Size budget for the WeChat build (`npm run size`). WeChat refuses to upload a main package or a
// subpackage over 2 MB; we fail earlier (main 1.5 MB, subpackage 1.8 MB) to leave room to react.
// Measures client/dist/weapp as produced by `npm run build:weapp` (a production, minified build).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MAIN, MB, packageSizes } from './weapp-packages.mjs'

const MAIN_BUDGET = 1.5 * MB
const SUB_BUDGET = 1.8 * MB

const distDir = fileURLToPath(new URL('../client/dist/weapp', import.meta.url))
if (!existsSync(join(distDir, 'app.json'))) {
  console.error('client/dist/weapp/app.json not found: run `npm run build:weapp` first.')
  process.exit(1)
}

const sizes = packageSizes(distDir)
const fmt = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
let failed = false
const rows = [...sizes].map(([name, bytes]) => {
  const budget = name === MAIN ? MAIN_BUDGET : SUB_BUDGET
  const ok = bytes <= budget
  failed ||= !ok
  return { package: name, size: fmt(bytes), budget: fmt(budget), status: ok ? 'ok' : 'OVER BUDGET' }
})
console.table(rows)
console.log(`total ${fmt([...sizes.values()].reduce((a, b) => a + b, 0))}`)
if (failed) {
  console.error('Size budget exceeded: WeChat rejects any package over 2 MB. Move pages to subpackages or trim dependencies.')
  process.exit(1)
}
