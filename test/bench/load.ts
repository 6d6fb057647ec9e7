/**
 * One autocannon run, in this (the load generator's) process, against a server in another.
 * Latencies are collected from every response rather than read from autocannon's summary, because
 * its summary has p50/p97.5/p99 but no p95.
 */
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import type { Method, RequestShape } from './scenarios'

export interface LoadSpec {
  url: string
  method: Method
  path: string
  /** One shape, or several to rotate through request by request (e.g. one per session). */
  shapes: RequestShape[]
  connections: number
  duration: number
}

export interface Measurement {
  requests: number
  requestsPerSec: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
  non2xx: number
  /** Connection errors and timeouts. */
  errors: number
  statusCodes: Record<string, number>
}

export async function measure(spec: LoadSpec): Promise<Measurement> {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.duration,
        // Pre-built requests, no setupRequest callback: each connection cycles through the list,
        // so rotating sessions costs the load generator nothing per request.
        requests: spec.shapes.map((s) => toRequest(spec, s)),
      },
      (err: unknown, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    )
    instance.on('response', (_client, _status, _bytes, ms) => void latencies.push(ms))
  })
  latencies.sort((a, b) => a - b)
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]))
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0)
  return {
    requests,
    // Responses over the elapsed time; autocannon's requests.average averages one-second samples,
    // which is coarse for a 2 s smoke run.
    requestsPerSec: requests / result.duration,
    latencyMs: { p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), max: latencies.at(-1) ?? NaN },
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  }
}

/** The path a shape's request goes to: the scenario's, with the shape's query appended. */
export const pathOf = (path: string, shape: RequestShape) => (shape.query ? `${path}${path.includes('?') ? '&' : '?'}${shape.query}` : path)

function toRequest(spec: LoadSpec, shape: RequestShape): autocannon.Request {
  const headers: Record<string, string> = { ...shape.headers }
  let body: string | undefined
  if (shape.body !== undefined) {
    body = typeof shape.body === 'string' ? shape.body : JSON.stringify(shape.body)
    headers['content-type'] ??= 'application/json'
  }
  const request: autocannon.Request = { method: spec.method, path: pathOf(spec.path, shape), headers, ...(body === undefined ? {} : { body }) }
  // Only these requests are rebuilt per request (a fresh UUID each time); the rest stay pre-built.
  const unique = shape.uniqueHeaders ?? []
  if (unique.length === 0) return request
  return { ...request, setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...Object.fromEntries(unique.map((h) => [h, randomUUID()])) } }) }
}

/** Nearest-rank percentile of sorted values. */
function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
