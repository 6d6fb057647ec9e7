/**
 * One embedded PostgreSQL for the whole run (in a temp dir, on a free port, deleted afterwards) and
 * a template database with every migration and the demo provinces' regions. Test files clone the
 * template (`CREATE DATABASE … TEMPLATE`, a file copy: milliseconds) so each file is isolated.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import './provided-context'
import { freePort } from './server-process'
import { startEmbeddedPostgres } from '../../server/src/db/embedded'
import { migrate } from '../../server/src/db/migrate'
import { installJobSchema } from '../../server/src/jobs/worker'
import { createPrisma } from '../../server/src/db/prisma'
import { loadRegions } from '../../server/src/regions/load'
import { DEMO_PROVINCES } from '../../server/src/seed/personas'

export const TEMPLATE_DB = 'qstx_template'


let teardown: (() => Promise<void>) | undefined

export async function setup(project: TestProject) {
  if (!teardown) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qstx-test-pg-'))
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false })
    await pg.createDatabase(TEMPLATE_DB)
    await migrate(pg.urlFor(TEMPLATE_DB))
    await installJobSchema(pg.urlFor(TEMPLATE_DB))
    const prisma = createPrisma(pg.urlFor(TEMPLATE_DB))
    // Every demo province, so e2e specs can seed the demo (seedDemo skips loading regions then).
    await loadRegions(prisma, DEMO_PROVINCES)
    await prisma.$disconnect()
    process.env.QSTX_TEST_PG_ADMIN_URL = pg.urlFor('postgres')
    teardown = async () => {
      await pg.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  project.provide('pgAdminUrl', process.env.QSTX_TEST_PG_ADMIN_URL!)
  project.provide('templateDb', TEMPLATE_DB)
  return async () => {
    await teardown?.()
    teardown = undefined
  }
}
