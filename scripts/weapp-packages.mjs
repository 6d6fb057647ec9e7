// The WeChat build's code packages as WeChat counts them: the main package and each subpackage, with
// their sizes. Shared by `npm run size` (scripts/size.mjs, our budget) and the mini-program tests
// (test/weapp, WeChat's own limits).
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const MB = 1024 * 1024
/** WeChat refuses to upload a main package or a subpackage over 2 MB, or more than 20 MB in all. */
export const WECHAT_PACKAGE_LIMIT = 2 * MB
export const WECHAT_TOTAL_LIMIT = 20 * MB
/** Developer-tool settings, not part of the uploaded code package. */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json'])
export const MAIN = '(main)'

export function readAppJson(distDir) {
  return JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'))
}

/** The subpackages of app.json (`subPackages`, or its older spelling), each root without a trailing slash. */
export function subpackagesOf(appJson) {
  return (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) => ({ ...pkg, root: pkg.root.replace(/\/+$/, '') }))
}

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (entry.isFile()) yield path
  }
}

/** Bytes per package (MAIN first, then each subpackage root) of the files WeChat would upload. */
export function packageSizes(distDir) {
  const roots = subpackagesOf(readAppJson(distDir)).map((pkg) => pkg.root)
  const sizes = new Map([[MAIN, 0], ...roots.map((root) => [root, 0])])
  for (const file of files(distDir)) {
    const rel = relative(distDir, file).split(sep).join('/')
    if (NOT_UPLOADED.has(rel)) continue
    const owner = roots.find((root) => rel.startsWith(`${root}/`)) ?? MAIN
    sizes.set(owner, sizes.get(owner) + statSync(file).size)
  }
  return sizes
}
