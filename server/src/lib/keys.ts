/**
 * Where the keyring's keys come from: configuration in production; outside production a key file
 * generated once under DATA_DIR, so the demo database stays readable across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Config } from '../config'
import { Keyring, parseDataKeys, randomKeySpec } from './crypto'

export function keyringFromConfig(config: Pick<Config, 'DATA_KEYS' | 'BLIND_INDEX_KEY' | 'DATA_DIR' | 'isProduction'>): Keyring {
  if (config.DATA_KEYS && config.BLIND_INDEX_KEY) {
    return new Keyring(parseDataKeys(config.DATA_KEYS), Buffer.from(config.BLIND_INDEX_KEY))
  }
  if (config.isProduction) throw new Error('DATA_KEYS and BLIND_INDEX_KEY are required in production')
  const file = path.join(config.DATA_DIR, 'dev-keys.json')
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true })
    const generated = { DATA_KEYS: randomKeySpec('dev1'), BLIND_INDEX_KEY: randomBytes(32).toString('base64') }
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 })
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { DATA_KEYS: string; BLIND_INDEX_KEY: string }
  return new Keyring(parseDataKeys(config.DATA_KEYS ?? stored.DATA_KEYS), Buffer.from(config.BLIND_INDEX_KEY ?? stored.BLIND_INDEX_KEY))
}
