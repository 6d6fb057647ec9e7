// Runs WeChat's own offline checks from miniprogram-ci (the npm package extracted from WeChat
// DevTools) on a built mini-program and prints them as one JSON line: the app.json and page.json
// schemas, and DevTools' 代码质量 (code quality) panel. A child process, because miniprogram-ci
// takes seconds to load and leaves hundreds of file watchers open that only an exit closes.
// Usage: node test/weapp/wechat-ci.cjs <dist dir>
const { generateKeyPairSync } = require('node:crypto')
const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs')
const os = require('node:os')
const path = require('node:path')

async function main(dist) {
  // Loading it prints a banner to stdout; the JSON line must be the only stdout.
  const log = console.log
  console.log = console.info = console.warn = (...args) => process.stderr.write(`${args.join(' ')}\n`)
  const ci = require('miniprogram-ci')
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root.replace(/\/+$/, '')}/${page}`))]
  const schema = {
    'app.json': ci.schemaValidate('app', app),
    // A missing page file is app-json.test.ts's finding; here only the files that exist are read.
    ...Object.fromEntries(
      pages
        .filter((page) => existsSync(path.join(dist, `${page}.json`)))
        .map((page) => [`${page}.json`, ci.schemaValidate('page', JSON.parse(readFileSync(path.join(dist, `${page}.json`), 'utf8')))]),
    ),
  }
  // The Project constructor insists on an upload key even for offline checks: a throwaway one,
  // never sent anywhere (these checks make no request).
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'qstx-wechat-ci-'))
  const privateKeyPath = path.join(keyDir, 'upload.key')
  writeFileSync(privateKeyPath, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }))
  try {
    const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: dist, privateKeyPath, ignores: [] })
    const quality = await ci.checkCodeQuality(project)
    log(JSON.stringify({ schema, quality }))
  } finally {
    rmSync(keyDir, { recursive: true, force: true })
  }
}

// An explicit exit either way: miniprogram-ci's file watchers would keep the process alive (see the top).
main(path.resolve(process.argv[2])).then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`)
    process.exit(1)
  },
)
