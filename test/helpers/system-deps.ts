/**
 * What `npm test` needs from the machine besides node_modules: a Chrome or Chromium for the
 * end-to-end specs (Playwright's own browser download cannot work here), a CJK font (Chinese in
 * screenshots and in the PDF ledger), a PostgreSQL server with its own pg_dump and pg_restore (the
 * backup test: the embedded PostgreSQL ships no client tools, helpers/system-pg.ts) and PgBouncer
 * (the several-processes test, helpers/pgbouncer.ts). Each is looked for in the usual places; what
 * is missing is installed with Debian's apt where that is possible (root, or sudo without a
 * password), with a line saying so — elsewhere one line says what to run. Global setup of the api
 * and e2e projects.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import './provided-context'
import { FONT_CANDIDATES } from '../../server/src/modules/exports/child-ledger-pdf'
import { PGBOUNCER } from './pgbouncer'
import { systemPgBinDir } from './system-pg'

const PACKAGES = { chromium: 'chromium', font: 'fonts-noto-cjk', postgresql: 'postgresql', pgbouncer: 'pgbouncer' } as const
type Need = keyof typeof PACKAGES

/** How the tests and the first-screen bench launch it: headless, quiet, nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']
const BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Browsers a Playwright install downloaded earlier (~/.cache/ms-playwright/chromium-<rev>/chrome-linux/chrome). */
function playwrightBrowsers(): string[] {
  const cache = path.join(os.homedir(), '.cache/ms-playwright')
  if (!existsSync(cache)) return []
  return readdirSync(cache)
    .filter((dir) => dir.startsWith('chromium-'))
    .sort()
    .reverse()
    .flatMap((dir) => ['chrome-linux/chrome', 'chrome-linux64/chrome'].map((exe) => path.join(cache, dir, exe)))
}

/** CHROMIUM_PATH when set (it must work: a wrong one is an error, not a hint), else the first browser found. */
export function findChromium(): string | null {
  const chosen = process.env.CHROMIUM_PATH
  if (chosen) {
    if (!executable(chosen)) throw oneLine(`CHROMIUM_PATH=${chosen} is not an executable file`)
    return chosen
  }
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)
  const candidates = [...BROWSER_NAMES.flatMap((name) => onPath.map((dir) => path.join(dir, name))), ...BROWSER_PATHS, ...playwrightBrowsers()]
  return candidates.find(executable) ?? null
}

/** The CJK font the PDF export uses (server/src/modules/exports/child-ledger-pdf.ts); macOS and Windows bring their own. */
export function hasCjkFont(): boolean {
  return process.platform === 'darwin' || process.platform === 'win32' || FONT_CANDIDATES.some((f) => existsSync(f.path))
}

/** An error vitest prints as the one line it is, without a stack of ours under it. */
function oneLine(message: string): Error {
  const err = new Error(message)
  err.stack = `Error: ${message}`
  return err
}

/** How apt can be run here: directly as root, through passwordless sudo, or not at all. */
function aptRunner(): string[] | null {
  if (process.platform !== 'linux' || !executable('/usr/bin/apt-get')) return null
  if (process.getuid?.() === 0) return []
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : null
}

function aptInstall(runner: string[], packages: string[], log: (line: string) => void): void {
  log(`installing ${packages.join(' ')} with apt-get (needed by the tests, not found on this machine)…`)
  const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'qstx-apt-')), 'apt.log')
  // Another apt on the machine holds dpkg's lock for a while: wait for it rather than fail.
  const apt = ['apt-get', '-o', 'DPkg::Lock::Timeout=600', '-qq']
  const script = [
    `${[...runner, ...apt].join(' ')} update`,
    `${[...runner, 'env', 'DEBIAN_FRONTEND=noninteractive', ...apt].join(' ')} install -y ${packages.join(' ')}`,
  ].join(' && ')
  const r = spawnSync('sh', ['-c', `(${script}) >${logFile} 2>&1`], { stdio: 'inherit' })
  if (r.status !== 0) {
    const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n')
    throw oneLine(`apt-get install ${packages.join(' ')} failed (full log: ${logFile}):\n${tail}`)
  }
}

const hasSystemPg = () => {
  try {
    systemPgBinDir()
    return true
  } catch {
    return false
  }
}

const FOUND: Record<Need, () => boolean> = {
  chromium: () => findChromium() !== null,
  font: hasCjkFont,
  postgresql: hasSystemPg,
  pgbouncer: () => executable(PGBOUNCER),
}
const missing = (needs: Need[]): Need[] => needs.filter((n) => !FOUND[n]())

/**
 * Makes sure what `needs` lists is here, installing what is missing (every missing package in one
 * apt run, so a bare machine installs once). Returns the browser's path when it was needed.
 */
export function ensureSystemDeps(needs: Need[], log = (line: string) => console.log(`[setup] ${line}`)): { chromium: string | null } {
  const absent = missing(needs)
  if (absent.length) {
    const runner = aptRunner()
    const packages = absent.map((n) => PACKAGES[n])
    if (!runner) {
      throw oneLine(
        `the tests need ${packages.join(', ')}, which this machine lacks and this user cannot install: run \`sudo apt-get install -y ${packages.join(' ')}\`` +
          (absent.includes('chromium') ? ', or point CHROMIUM_PATH at a Chrome or Chromium' : ''),
      )
    }
    aptInstall(runner, packages, log)
    const still = missing(needs)
    if (still.length) throw oneLine(`apt-get installed ${packages.join(' ')} but ${still.join(' and ')} still cannot be found`)
  }
  return { chromium: needs.includes('chromium') ? findChromium() : null }
}

/**
 * Global setup. The e2e project cannot run without the browser and the font, so it stops there; the
 * api project needs the font (PDF export), PostgreSQL's tools (backup) and PgBouncer (several
 * processes) for a few tests each — without them those fail and say why, and the rest run, so what
 * cannot be installed is a warning there.
 */
export function setup(project: TestProject) {
  if (project.name !== 'e2e') {
    try {
      ensureSystemDeps(['font', 'postgresql', 'pgbouncer'])
    } catch (err) {
      console.warn(`[setup] ${(err as Error).message} (the tests that need them will fail and say so)`)
    }
    return
  }
  const { chromium } = ensureSystemDeps(['chromium', 'font'])
  if (!chromium) throw oneLine('no Chrome or Chromium found after setup')
  project.provide('chromiumPath', chromium)
  const version = spawnSync(chromium, ['--version'], { encoding: 'utf8', timeout: 30_000 }).stdout?.trim()
  console.log(`[setup] end-to-end tests use ${version || 'the browser'} at ${chromium}`)
}
