import { Worker } from 'node:worker_threads'
let peak = 0
const m0 = process.memoryUsage().rss
const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 20)
const t0 = performance.now()
const w = new Worker(new URL('./thread-entry.mjs', import.meta.url), { argv: [process.argv[2] ?? 'write'], resourceLimits: { maxOldGenerationSizeMb: Number(process.env.OLD ?? 96), maxYoungGenerationSizeMb: Number(process.env.YOUNG ?? 16) } })
await new Promise((res, rej) => { w.on('exit', res); w.on('error', rej) })
clearInterval(t)
console.log('main: rss base', Math.round(m0 / 1048576), 'peak', Math.round(peak / 1048576), 'growth', Math.round((peak - m0) / 1048576), 's', ((performance.now() - t0) / 1000).toFixed(1))
