// Runs `prisma generate` offline. The Prisma CLI wants to download its schema-engine binary even
// though `generate` never runs it (the Rust-free `prisma-client` generator needs no engine), and
// that download host is unreachable here. Naming any existing file as the engine skips the download.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync(new URL('../prisma/schema.prisma', import.meta.url))) process.exit(0)
const env = { ...process.env }
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath
env.PRISMA_HIDE_UPDATE_MESSAGE = '1'
// prisma.config.ts reads DATABASE_URL; generate never connects, so a placeholder is enough.
env.DATABASE_URL ??= 'postgresql://placeholder@localhost:5432/placeholder'
const r = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env })
process.exit(r.status ?? 1)
