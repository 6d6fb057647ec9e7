import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { envTable, README, readmeWithTable } from './env-table'

describe("README's environment variables", () => {
  it('are exactly the table generated from the config schema (run `npm run docs:env` after changing config.ts)', () => {
    const readme = readFileSync(README, 'utf8')
    expect(readmeWithTable(readme)).toBe(readme)
  })

  it('name every variable with its default as the app sees it and what production requires', () => {
    const table = envTable()
    expect(table).toContain('| `PORT` | `3000` | port the API and the H5 app listen on |')
    expect(table).toContain('| `DATA_DIR` | `./data` |')
    expect(table).toContain('| `RUN_WORKER` | `true` |')
    expect(table).toContain('| `DATA_KEYS` | — **required in production** |')
    // A drifted README is noticed: the check above compares against exactly this text.
    expect(readmeWithTable(readFileSync(README, 'utf8').replace('`3000`', '`8080`'))).not.toContain('`8080`')
  })
})
