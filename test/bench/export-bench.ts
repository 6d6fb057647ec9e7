/**
 * The exports of issue #10, measured as the jobs they are (autocannon measures request rates; an
 * export is one long request or one background job). Targets: the county's child ledger of 50,000
 * children as XLSX ready within 60 s, with the server process's memory growing by at most 150 MB.
 *
 * Memory is the server process's own RSS, read through its bench-only GET /__bench/memory
 * (server-process.ts), which samples the peak every 20 ms: reset before, read after. The worker
 * runs in that same process, so the background export's memory is counted.
 */
import { BENCH_COUNTY, benchTownship, benchVillage } from './fixtures/children'
import type { BenchContext } from './scenarios'
import { sessions } from './scenarios'

export interface ExportRun {
  name: string
  rows: number
  /** From the request to the file being ready (background) or fully received (direct). */
  seconds: number
  /** Background only: the download through the link. */
  downloadSeconds: number | null
  bytes: number
  rssBeforeMB: number
  peakRssMB: number
  growthMB: number
  targets: { seconds: number; growthMB: number } | null
  ok: boolean
}

const MB = 1024 * 1024
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function memory(ctx: BenchContext, reset = false) {
  const res = await fetch(new URL(`/__bench/memory${reset ? '?reset=1' : ''}`, ctx.baseUrl))
  return (await res.json()) as { rss: number; heapUsed: number; external: number; peakRss: number; peak: { heapUsed: number; external: number } }
}

/**
 * The baseline: collect garbage, give V8 a moment to hand freed pages back to the system, collect
 * and read again — so the growth is the export's, not what earlier scenarios left lying around.
 */
async function baseline(ctx: BenchContext) {
  await memory(ctx, true)
  await sleep(3000)
  return memory(ctx, true)
}

/** Reads a body to the end, counting bytes, keeping none of it. */
async function drain(res: Response): Promise<number> {
  let bytes = 0
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length
  return bytes
}

async function backgroundExport(ctx: BenchContext, auth: Record<string, string>, path: string, name: string, targets: ExportRun['targets'], say: (m: string) => void): Promise<ExportRun> {
  const before = await baseline(ctx)
  const started = performance.now()
  const first = await fetch(new URL(path, ctx.baseUrl), { headers: auth })
  if (first.status !== 202) throw new Error(`${name}: expected 202, got ${first.status} ${await first.text()}`)
  const job = (await first.json()) as { id: string }
  let status: { status: string; rows: number; download: { url: string } | null; error: string | null }
  for (;;) {
    await sleep(200)
    status = await (await fetch(new URL(`/api/exports/${job.id}`, ctx.baseUrl), { headers: auth })).json()
    if (status.status === 'done' || status.status === 'failed') break
    if (performance.now() - started > 300_000) throw new Error(`${name}: not ready after 300 s`)
  }
  if (status.status !== 'done') throw new Error(`${name}: ${status.error}`)
  const seconds = (performance.now() - started) / 1000
  const downloadStarted = performance.now()
  const bytes = await drain(await fetch(new URL(status.download!.url, ctx.baseUrl)))
  const downloadSeconds = (performance.now() - downloadStarted) / 1000
  const after = await memory(ctx)
  const growthMB = (after.peakRss - before.rss) / MB
  say(`    peak heap ${(after.peak.heapUsed / MB).toFixed(0)} MB (from ${(before.heapUsed / MB).toFixed(0)}), external ${(after.peak.external / MB).toFixed(0)} MB (from ${(before.external / MB).toFixed(0)})`)
  return {
    name, rows: status.rows, seconds, downloadSeconds, bytes, rssBeforeMB: before.rss / MB, peakRssMB: after.peakRss / MB, growthMB, targets,
    ok: !targets || (seconds <= targets.seconds && growthMB <= targets.growthMB),
  }
}

async function directExport(ctx: BenchContext, auth: Record<string, string>, path: string, name: string): Promise<ExportRun> {
  const before = await baseline(ctx)
  const started = performance.now()
  const res = await fetch(new URL(path, ctx.baseUrl), { headers: auth })
  if (res.status !== 200) throw new Error(`${name}: expected 200, got ${res.status} ${await res.text()}`)
  const bytes = await drain(res)
  const seconds = (performance.now() - started) / 1000
  const after = await memory(ctx)
  return { name, rows: 0, seconds, downloadSeconds: null, bytes, rssBeforeMB: before.rss / MB, peakRssMB: after.peakRss / MB, growthMB: (after.peakRss - before.rss) / MB, targets: null, ok: true }
}

export async function runExportBench(ctx: BenchContext, say: (m: string) => void): Promise<ExportRun[]> {
  // A session of its own (exports are limited to 10 a minute per person, and this is one person).
  const [civil] = await sessions(ctx, { role: 'civil_affairs', regionCode: BENCH_COUNTY }, 1, 'exports')
  const auth = civil!.headers!
  const year = new Date().getFullYear()
  const runs: ExportRun[] = []
  say('  export: county child ledger, 50,000 children, XLSX (background job)')
  runs.push(await backgroundExport(ctx, auth, `/api/exports/child-ledger.xlsx?year=${year}`, 'county child ledger XLSX (50,000, job)', { seconds: 60, growthMB: 150 }, say))
  const village = benchVillage(0, 0)
  say('  export: one village, XLSX with a sheet per child (direct)')
  runs.push(await directExport(ctx, auth, `/api/exports/child-ledger.xlsx?year=${year}&regionCode=${village}`, 'village child ledger XLSX, sheet per child (direct)'))
  say('  export: one village, PDF (direct)')
  runs.push(await directExport(ctx, auth, `/api/exports/child-ledger.pdf?year=${year}&regionCode=${village}`, 'village child ledger PDF (direct)'))
  say('  export: county pairing ledger (20,000 pairings, background job)')
  runs.push(await backgroundExport(ctx, auth, '/api/exports/pairing-ledger.xlsx', 'county pairing ledger XLSX (job)', null, say))
  // The dashboard scenarios mostly meet figures counted in the last 30 s (dashboard/service.ts);
  // these are first requests, counted afresh: the county (its figures expired during the exports
  // above) and the nine townships no scenario asked for.
  say('  dashboard: first requests (figures counted afresh)')
  runs.push(await coldRequest(ctx, auth, '/api/dashboard', 'dashboard county, first request'))
  const townships: number[] = []
  for (let i = 1; i < 10; i++) townships.push((await coldRequest(ctx, auth, `/api/dashboard?regionCode=${benchTownship(i)}`, '')).seconds)
  townships.sort((a, b) => a - b)
  const at = (q: number) => townships[Math.min(townships.length - 1, Math.floor(q * townships.length))]!
  runs.push({
    name: `dashboard township, first request (median of 9; max ${(at(1) * 1000).toFixed(0)} ms)`, rows: 0, seconds: at(0.5), downloadSeconds: null, bytes: 0,
    rssBeforeMB: 0, peakRssMB: 0, growthMB: 0, targets: null, ok: true,
  })
  return runs
}

async function coldRequest(ctx: BenchContext, auth: Record<string, string>, path: string, name: string): Promise<ExportRun> {
  const started = performance.now()
  const res = await fetch(new URL(path, ctx.baseUrl), { headers: auth })
  const bytes = (await res.arrayBuffer()).byteLength
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`)
  return { name, rows: 0, seconds: (performance.now() - started) / 1000, downloadSeconds: null, bytes, rssBeforeMB: 0, peakRssMB: 0, growthMB: 0, targets: null, ok: true }
}

export function renderExportRuns(runs: ExportRun[]): string {
  const header = ['export / first request', 'rows', 'time', 'download', 'MB', 'RSS before MB', 'peak RSS MB', 'growth MB', 'target', 'ok']
  const time = (s: number) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(1)} s`)
  const mem = (mb: number) => (mb ? mb.toFixed(0) : '')
  const rows = [
    header,
    ...runs.map((r) => [
      r.name, String(r.rows || ''), time(r.seconds), r.downloadSeconds === null ? '' : time(r.downloadSeconds), (r.bytes / MB).toFixed(2),
      mem(r.rssBeforeMB), mem(r.peakRssMB), r.peakRssMB ? r.growthMB.toFixed(0) : '', r.targets ? `≤ ${r.targets.seconds} s, ≤ ${r.targets.growthMB} MB` : '', r.ok ? 'yes' : 'NO',
    ]),
  ]
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()
  return ['', fmt(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(fmt)].join('\n')
}
