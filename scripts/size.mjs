// Size budget for the WeChat build (`npm run size`). WeChat refuses to upload a main package or a
// subpackage over 2 MB; we fail earlier (main 1.5 MB, subpackage 1.8 MB) to leave room to react.
// Measures client/dist/weapp as produced by `npm run build:weapp` (a production, minified build).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const MB = 1024 * 1024
const MAIN_BUDGET = 1.5 * MB
const SUB_BUDGET = 1.8 * MB
// Developer-tool settings, not part of the uploaded code package.
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])

const distDir = fileURLToPath(new URL('../client/dist/weapp', import.meta.url))
const appJsonPath = join(distDir, 'app.json')
if (!existsSync(appJsonPath)) {
  console.error('client/dist/weapp/app.json not found: run `npm run build:weapp` first.')
  process.exit(1)
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'))
const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) => pkg.root.replace(/\/+$/, ''))

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (entry.isFile()) yield path
  }
}

const sizes = new Map([['(main)', 0], ...roots.map((root) => [root, 0])])
for (const file of files(distDir)) {
  const rel = relative(distDir, file).split(sep).join('/')
  if (NOT_UPLOADED.has(rel)) continue
  const owner = roots.find((root) => rel.startsWith(`${root}/`)) ?? '(main)'
  sizes.set(owner, sizes.get(owner) + statSync(file).size)
}

const fmt = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
let failed = false
const rows = [...sizes].map(([name, bytes]) => {
  const budget = name === '(main)' ? MAIN_BUDGET : SUB_BUDGET
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
