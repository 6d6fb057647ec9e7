/**
 * A full garbage collection between batches of a large background export.
 *
 * Why: a 50,000-child export allocates a few GB in passing (rows from PostgreSQL, files, cells,
 * XML, zip buffers) while holding only ~70 MB at any moment. V8 promotes much of that short-lived
 * data and, seeing the program fast and the collector cheap, lets the old generation grow to about
 * four times the live heap before a full collection: measured +300 MB of RSS in the server process
 * for garbage alone. Collecting whenever the heap has grown by HEAP_HEADROOM since the export
 * began keeps the growth near the live size whatever the machine's speed (measured +117 MB of RSS,
 * heap and buffers together, for a county of 50,000) for ~50 ms of pause each time — a few dozen in
 * a county export, which happens a few times a year. (Other levers were measured too: smaller
 * batches, a bigger young generation and plain pg instead of Prisma each helped little; a worker
 * thread with a capped heap needs ~100 MB just to load the modules again.)
 *
 * How: --expose-gc turned on at run time, then `gc` taken from a fresh context (the approach of the
 * `expose-gc` package). If the runtime refuses, exports simply run without it.
 */
import v8 from 'node:v8'
import vm from 'node:vm'

let collect: (() => void) | null | undefined

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc')
      const gc: unknown = vm.runInNewContext('gc')
      collect = typeof gc === 'function' ? (gc as () => void) : null
    } catch {
      collect = null
    }
  }
  collect?.()
}

const HEAP_HEADROOM = 48 * 1024 * 1024

/** A check to call between batches: collects when the heap grew more than HEAP_HEADROOM since `heapGuard()`. */
export function heapGuard(): () => void {
  const start = process.memoryUsage().heapUsed
  return () => {
    if (process.memoryUsage().heapUsed - start > HEAP_HEADROOM) collectGarbage()
  }
}
