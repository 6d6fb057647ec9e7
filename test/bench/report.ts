/**
 * The bench's output: a table on stdout and the same data as JSON in test/bench/results/ (git-ignored),
 * with the machine and commit, since numbers only compare on the same machine.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ExportRun } from './export-bench'
import type { Measurement } from './load'

export interface Row {
  name: string
  method: string
  path: string
  connections: number
  duration: number
  result: Measurement
  /** The hello-world run with the same connections and duration; absent on baseline rows. */
  baseline?: Measurement
  /** The limit run (one bare SELECT through a pg Pool) with the same connections; absent on baseline and limit rows. */
  limit?: Measurement
  /** Measured after the province around the county was generated; absent: the county dataset. */
  dataset?: 'province'
  /** A read that writes its audit row (a child's file, suggestions); on a limit row, the audited limit itself. */
  audited?: boolean
  /** The audited limit (the same SELECT writing an audit row) with the same connections, for audited reads. */
  auditedLimit?: Measurement
  /** A read's own statement run bare by the limit process (run.ts ownStatement), same connections and duration. */
  own?: Measurement
}

export interface Report {
  date: string
  ok: boolean
  machine: { cpus: number; cpuModel: string; memoryGiB: number; platform: string; node: string }
  git: { commit: string; dirty: boolean } | null
  settings: { warmupSeconds: number; durationOverride: number | null; filter: string[]; loadAverageAtStart: number; busy: boolean }
  baselines: Row[]
  limits: Row[]
  scenarios: Row[]
  /** The exports measured as jobs (export-bench.ts): time to ready, bytes, the server's RSS growth. */
  exports?: ExportRun[]
  /** How long generating the province took, and the rows it left (fixtures/province.ts). */
  province?: { seconds: number; counts: Record<string, number> }
}

/** Within this factor a county's read is "unaffected" by the province around it (issue #15). */
export const PROVINCE_GROWTH_TARGET = 1.5

export function machine(): Report['machine'] {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  }
}

export function gitState(): Report['git'] {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== ''
    return { commit, dirty }
  } catch {
    return null
  }
}

/** A row fails when anything but 2xx came back (to the read, or to its own statement run bare): its numbers would describe error handling. */
const failed = (m: Measurement) => m.non2xx > 0 || m.errors > 0
export const rowFailed = (r: Row) => failed(r.result) || (!!r.own && failed(r.own))

export function renderTable(report: Report): string {
  const header = ['scenario', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors', 'req/s vs hello', 'req/s vs limit', 'p95 vs limit', 'req/s vs audited limit', 'req/s vs own statement']
  const line = (r: Row, label: string) => {
    const m = r.result
    return [
      label,
      String(r.connections),
      m.requestsPerSec.toFixed(0),
      m.latencyMs.p50.toFixed(2),
      m.latencyMs.p95.toFixed(2),
      m.latencyMs.p99.toFixed(2),
      String(m.non2xx),
      String(m.errors),
      r.baseline ? `${(m.requestsPerSec / r.baseline.requestsPerSec).toFixed(2)}× hello` : '',
      r.limit ? `${(m.requestsPerSec / r.limit.requestsPerSec).toFixed(2)}× limit` : '',
      r.limit ? `${(m.latencyMs.p95 / r.limit.latencyMs.p95).toFixed(1)}× limit` : '',
      r.auditedLimit ? `${(m.requestsPerSec / r.auditedLimit.requestsPerSec).toFixed(2)}× audited` : '',
      r.own ? `${(m.requestsPerSec / r.own.requestsPerSec).toFixed(2)}× own (${r.own.requestsPerSec.toFixed(0)}/s)` : '',
    ]
  }
  const rows = [
    header,
    ...report.baselines.map((r) => line(r, `hello-world (${r.connections} conns)`)),
    ...report.limits.map((r) => line({ ...r, baseline: report.baselines.find((b) => b.connections === r.connections)?.result }, `${r.audited ? 'limit: one SELECT writing an audit row' : 'limit: one SELECT via pg Pool'} (${r.connections} conns)`)),
    ...report.scenarios.map((r) => line(r, `${r.name}${r.dataset ? ` · ${r.dataset}` : ''}  ${r.method} ${r.path}`)),
  ]
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()
  const { machine: m, git, settings } = report
  return [
    `bench ${report.date} · ${m.cpus} × ${m.cpuModel} · ${m.memoryGiB} GiB · ${m.platform} · node ${m.node}` +
      (git ? ` · ${git.commit}${git.dirty ? '+dirty' : ''}` : ''),
    `warm-up ${settings.warmupSeconds} s before each run` + (settings.durationOverride ? ` · BENCH_DURATION=${settings.durationOverride} s` : '') +
      ` · load average ${settings.loadAverageAtStart.toFixed(2)} at start${settings.busy ? ' — BUSY MACHINE, figures are noise' : ''}`,
    '',
    fmt(rows[0]!),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...rows.slice(1).map(fmt),
    ...renderProvince(report),
  ].join('\n')
}

/** Each county read's p95 on the county dataset beside the same on the province (target ≤ 1.5×). */
function renderProvince(report: Report): string[] {
  if (!report.province) return []
  const grown = report.scenarios.filter((r) => r.dataset === 'province')
  const lines = grown.map((p) => {
    const c = report.scenarios.find((r) => !r.dataset && r.name === p.name)!
    const ratio = p.result.latencyMs.p95 / c.result.latencyMs.p95
    return `  ${p.name.padEnd(40)} ${c.result.latencyMs.p95.toFixed(2).padStart(8)} ms → ${p.result.latencyMs.p95.toFixed(2).padStart(8)} ms  ${ratio.toFixed(2)}×${ratio > PROVINCE_GROWTH_TARGET ? '  OVER TARGET' : ''}`
  })
  const c = report.province.counts
  return [
    '',
    `province: generated in ${report.province.seconds.toFixed(0)} s — ${Object.entries(c).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`,
    `p95 of the county's reads, county dataset → province dataset (target ≤ ${PROVINCE_GROWTH_TARGET}×):`,
    ...lines,
  ]
}

/**
 * Writes results/<timestamp>.json always, and results/latest.json only for a run that passed, so
 * "latest" never holds numbers from a broken run. The timestamp has no colons (Windows-safe names).
 */
export function writeReport(report: Report, dir: string): string {
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${report.date.replace(/:/g, '-')}.json`)
  const json = `${JSON.stringify(report, null, 2)}\n`
  writeFileSync(file, json)
  if (report.ok) writeFileSync(path.join(dir, 'latest.json'), json)
  return file
}
