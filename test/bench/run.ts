/**
 * `npm run bench [-- <name filter>…]`, BENCH_DURATION=<s> to shorten every run (smoke tests).
 *
 * 0. refuses to start while the machine is busy (load average), since every figure would be noise
 *    (`--busy` runs anyway and marks the report);
 * 1. hello-world baseline in its own process, once per distinct connection count;
 * 2. the real app in its own process over a fresh seeded embedded PostgreSQL;
 * 3. the limit row: one bare `SELECT` through a `pg` Pool on that database (limit-process.ts), once
 *    per distinct connection count — the most any database route can do here; and where a scenario
 *    is a read that writes its audit row, the same statement writing one — the most such a read can do;
 * 4. each scenario: setup, warm-up, measured run — one after another, never overlapping; then, for
 *    a read, its own statement (caught from the app) run bare by the limit process: what the read
 *    costs beyond its SQL;
 * 5. the province: the county's reads again once the province around it is generated (\`county\` in
 *    scenarios.ts, fixtures/province.ts), with the growth of each p95;
 * 6. table on stdout (each scenario as a ratio of hello-world and of the limit), JSON in results/;
 *    exit 1 if any run saw a non-2xx or an error.
 * Autocannon runs here, so load generation and the servers never share an event loop.
 */
import { writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { measure, pathOf, type LoadSpec, type Measurement } from './load'
import { startChild, stopAllChildren, type RunningChild } from './processes'
import { gitState, machine, renderTable, rowFailed, writeReport, type Report, type Row } from './report'
import { scenarios, type BenchContext, type RequestShape, type Scenario } from './scenarios'
import { renderExportRuns, runExportBench } from './export-bench'

const HERE = import.meta.dirname
const WARMUP_SECONDS = 2

const busyOk = process.argv.includes('--busy')
const filter = process.argv.slice(2).filter((a) => a !== '--busy').map((a) => a.toLowerCase())
/** Above this one-minute load average per core, something else is running: the figures would measure it. */
const BUSY_LOAD_PER_CORE = 0.25
const durationOverride = process.env.BENCH_DURATION ? Number(process.env.BENCH_DURATION) : null

const say = (m: string) => process.stderr.write(`${m}\n`)

async function main(): Promise<number> {
  if (durationOverride !== null && !(durationOverride > 0)) throw new Error('BENCH_DURATION must be a positive number of seconds')
  const named = (part: string) => filter.length === 0 || filter.some((f) => part.includes(f) || f.includes(part))
  // The province (fixtures/province.ts): the county's reads measured again once the province
  // around the county is generated, under the name "province" — so they are measured first too.
  const wantsProvince = named('province')
  const countyReads = wantsProvince ? scenarios.filter((s) => s.county) : []
  const selected = scenarios.filter((s) => filter.some((f) => s.name.toLowerCase().includes(f)) || filter.length === 0 || countyReads.includes(s))
  // The exports (export-bench.ts) are jobs, not request rates: they run after the scenarios, under the name "export".
  const wantsExports = named('export')
  if (selected.length === 0 && !wantsExports) throw new Error(`no scenario matches ${filter.join(', ')}; there are: ${scenarios.map((s) => s.name).join(', ')}, export, province`)
  const durationOf = (s: Scenario) => durationOverride ?? s.duration
  const load = os.loadavg()[0]!
  const busy = load > BUSY_LOAD_PER_CORE * os.cpus().length
  if (busy && !busyOk) {
    throw new Error(`the machine is busy (load average ${load.toFixed(2)} on ${os.cpus().length} cores): stop what else is running, wait for \`uptime\` to settle, or pass --busy to measure anyway (the report is marked)`)
  }
  if (busy) say(`WARNING: load average ${load.toFixed(2)} — something else is running; these figures are marked busy`)

  // Baseline first, while no PostgreSQL is running yet, so nothing else competes for the 2 cores.
  const baselines = new Map<number, Row>()
  say('starting the hello-world baseline…')
  const hello = await startChild(path.join(HERE, 'hello-process.ts'))
  for (const connections of new Set(selected.map((s) => s.connections))) {
    const duration = Math.max(...selected.filter((s) => s.connections === connections).map(durationOf))
    const spec: LoadSpec = { url: hello.url, method: 'GET', path: '/', shapes: [{}], connections, duration }
    say(`  hello-world, ${connections} connections, ${duration} s`)
    baselines.set(connections, { name: 'hello-world', method: 'GET', path: '/', connections, duration, result: await warmUpAndMeasure(spec) })
  }
  await hello.stop()

  say('starting the app (embedded PostgreSQL, migrations, demo seed)…')
  const server = await startChild(path.join(HERE, 'server-process.ts'), { tempDir: true })
  const ctx = context(server)

  const limits = new Map<number, Row>()
  const auditedLimits = new Map<number, Row>()
  say('starting the limit rows (one SELECT through a pg Pool on the same database; the same writing an audit row)…')
  const limit = await startChild(path.join(HERE, 'limit-process.ts'), { env: { BENCH_DATABASE_URL: server.announced.databaseUrl! } })
  for (const connections of new Set(selected.map((s) => s.connections))) {
    const duration = Math.max(...selected.filter((s) => s.connections === connections).map(durationOf))
    const spec: LoadSpec = { url: limit.url, method: 'GET', path: '/', shapes: [{}], connections, duration }
    say(`  limit, ${connections} connections, ${duration} s`)
    limits.set(connections, { name: 'limit: one SELECT', method: 'GET', path: '/', connections, duration, result: await warmUpAndMeasure(spec) })
    if (selected.some((s) => s.audited && s.connections === connections)) {
      say(`  audited limit, ${connections} connections, ${duration} s`)
      const audited = await warmUpAndMeasure({ ...spec, path: '/audited' })
      auditedLimits.set(connections, { name: 'limit: one SELECT writing an audit row', method: 'GET', path: '/audited', connections, duration, result: audited, audited: true })
    }
  }

  const run = async (s: Scenario, dataset?: 'province'): Promise<Row> => {
    const shapes = await shapesOf(s, ctx)
    const spec: LoadSpec = { url: server.url, method: s.method, path: s.path, shapes, connections: s.connections, duration: durationOf(s) }
    say(`  ${s.name}${dataset ? ` (${dataset})` : ''}: ${s.method} ${s.path}, ${s.connections} connections, ${spec.duration} s` + (shapes.length > 1 ? `, rotating ${shapes.length} request variants` : ''))
    const result = await warmUpAndMeasure(spec)
    const own = s.method === 'GET' ? await ownStatement(spec, server, limit) : undefined
    return {
      name: s.name, method: s.method, path: s.path, connections: s.connections, duration: spec.duration, result,
      baseline: baselines.get(s.connections)!.result, limit: limits.get(s.connections)!.result, ...(dataset ? { dataset } : {}),
      ...(s.audited ? { audited: true, auditedLimit: auditedLimits.get(s.connections)!.result } : {}),
      ...(own ? { own } : {}),
    }
  }
  const rows: Row[] = []
  for (const s of selected) rows.push(await run(s))
  const exportRuns = wantsExports ? await runExportBench(ctx, say) : []
  let province: Report['province']
  if (countyReads.length) {
    say('growing the database to the province around the county (fixtures/province.ts)…')
    const grown = await postLong(new URL('/__bench/province', server.url))
    const provinceRows: Row[] = []
    for (const s of countyReads) provinceRows.push(await run(s, 'province'))
    rows.push(...provinceRows)
    province = { ...(grown as { seconds: number; counts: Record<string, number> }) }
  }
  // What Prometheus would have scraped from the server after the run (/api/metrics answers loopback).
  const metrics = await (await fetch(new URL('/api/metrics', server.url))).text()
  await limit.stop()
  await server.stop()

  const baselineRows = [...baselines.values()]
  const limitRows = [...limits.values(), ...auditedLimits.values()]
  const report: Report = {
    date: new Date().toISOString(),
    ok: ![...baselineRows, ...limitRows, ...rows].some(rowFailed) && exportRuns.every((r) => r.ok),
    machine: machine(),
    git: gitState(),
    settings: { warmupSeconds: WARMUP_SECONDS, durationOverride, filter, loadAverageAtStart: load, busy },
    baselines: baselineRows,
    limits: limitRows,
    scenarios: rows,
    exports: exportRuns,
    ...(province ? { province } : {}),
  }
  console.log(renderTable(report) + (exportRuns.length ? renderExportRuns(exportRuns) : ''))
  const file = writeReport(report, path.join(HERE, 'results'))
  writeFileSync(file.replace(/\.json$/, '.metrics.txt'), metrics)
  say(`\nwrote ${path.relative(process.cwd(), file)}${report.ok ? ' and latest.json' : ''}, and the server's /api/metrics after the run beside it`)
  for (const r of [...baselineRows, ...limitRows, ...rows].filter(rowFailed)) {
    say(`FAIL ${r.name}: ${r.result.non2xx} non-2xx (status codes ${JSON.stringify(r.result.statusCodes)}), ${r.result.errors} errors`)
  }
  return report.ok ? 0 : 1
}

/**
 * A POST that may take minutes (the province is generated in the server process): node:http sets
 * no time limit, where fetch gives up on a response's headers after five.
 */
function postLong(url: URL): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST' }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`POST ${url.pathname}: HTTP ${res.statusCode} ${body}`))
        resolve(JSON.parse(body))
      })
    })
    req.on('error', reject).end()
  })
}

/**
 * A read's own statement, run bare by the limit process with the same connections and duration:
 * the request is sent once to warm what it uses (its session, region names), then once more while
 * the server keeps what its pool is sent (server-process.ts). None when the request sends no
 * statement or more than one (a cached calendar page; a write).
 */
async function ownStatement(spec: LoadSpec, server: RunningChild, limit: RunningChild): Promise<Measurement | undefined> {
  const shape = spec.shapes[0]!
  const url = new URL(pathOf(spec.path, shape), server.url)
  const post = async (base: string, p: string, body?: unknown) => {
    const res = await fetch(new URL(p, base), { method: 'POST', ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) })
    if (!res.ok) throw new Error(`POST ${p}: HTTP ${res.status}`)
    return res.json()
  }
  await (await fetch(url, { headers: shape.headers })).arrayBuffer()
  await post(server.url, '/__bench/statements/start')
  await (await fetch(url, { headers: shape.headers })).arrayBuffer()
  const caught = (await post(server.url, '/__bench/statements/stop')) as unknown[]
  if (caught.length !== 1) {
    say(`    (its own statement: not measured, the request sent ${caught.length} statements)`)
    return undefined
  }
  const { id } = (await post(limit.url, '/statements', caught[0])) as { id: number }
  say(`    its own statement, bare (limit process), ${spec.connections} connections, ${spec.duration} s`)
  return warmUpAndMeasure({ url: limit.url, method: 'GET', path: `/statement/${id}`, shapes: [{}], connections: spec.connections, duration: spec.duration })
}

/** The warm-up lets V8 optimise the hot paths and fills the connection pools; its numbers are dropped. */
async function warmUpAndMeasure(spec: LoadSpec): Promise<Measurement> {
  await measure({ ...spec, duration: Math.min(WARMUP_SECONDS, spec.duration) })
  return measure(spec)
}

async function shapesOf(s: Scenario, ctx: BenchContext): Promise<RequestShape[]> {
  const extra = s.setup ? await s.setup(ctx) : {}
  return [extra].flat().map((e) => ({ headers: { ...s.headers, ...e.headers }, body: e.body ?? s.body, ...(e.uniqueHeaders ? { uniqueHeaders: e.uniqueHeaders } : {}), ...(e.query ? { query: e.query } : {}) }))
}

function context(server: RunningChild): BenchContext {
  return {
    baseUrl: server.url,
    async login(who) {
      const res = await fetch(new URL('/api/dev/login', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(typeof who === 'string' ? { persona: who } : who),
      })
      if (!res.ok) throw new Error(`dev login as ${JSON.stringify(who)}: HTTP ${res.status} ${await res.text()}`)
      return ((await res.json()) as { token: string }).token
    },
  }
}

// ctrl-c or a kill: stop the servers (which stop PostgreSQL) and delete the temp dir before leaving.
// `on`, not `once`: the tsx wrapper relays ctrl-c, so the signal arrives twice, and a second one
// with no listener left would kill us before the cleanup is done.
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return
    interrupted = true
    say(`\n${signal}: stopping the bench servers…`)
    void stopAllChildren().finally(() => process.exit(130))
  })
}

main()
  .catch((err: Error) => {
    // After ctrl-c, failures are the servers going away under us: not worth reporting.
    if (!interrupted) say(`bench failed: ${err.message}`)
    return 1
  })
  .then(async (code) => {
    await stopAllChildren()
    if (!interrupted) process.exit(code)
  })
