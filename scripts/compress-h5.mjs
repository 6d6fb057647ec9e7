// Writes a Brotli (.br) and a gzip (.gz) copy beside every text file of the H5 build, once at build
// time, at the highest settings: the server sends the one the browser accepts (@fastify/static
// preCompressed) with no work per request. On a village's 3G link the scripts are most of the
// first screen's wait (test/bench/first-screen.ts): Brotli brings them to about a quarter.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const DIR = process.argv[2] ?? fileURLToPath(new URL('../client/dist/h5', import.meta.url))
const TEXT = new Set(['.js', '.css', '.html', '.json', '.svg', '.txt', '.map'])
// Below this a compressed copy saves less than its own headers cost.
const MIN_BYTES = 1024

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(p)
    else if (TEXT.has(path.extname(entry.name)) && statSync(p).size >= MIN_BYTES) yield p
  }
}

let plain = 0
let brotli = 0
for (const file of files(DIR)) {
  const data = readFileSync(file)
  const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } })
  writeFileSync(`${file}.br`, br)
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
  plain += data.length
  brotli += br.length
}
console.log(`compressed the H5 build: ${(plain / 1024).toFixed(0)} KB of text → ${(brotli / 1024).toFixed(0)} KB with Brotli`)
