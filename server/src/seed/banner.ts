/** Prints how to reach the demo and who to sign in as, after the server starts. */
import { ROLE_LABELS } from '@qstx/shared'
import type { Db } from '../db/prisma'
import { listPersonas } from '../modules/dev/service'
import { DEMO_PASSWORD } from './personas'

export async function printBanner(prisma: Db, baseUrl: string): Promise<void> {
  const personas = await listPersonas(prisma)
  const lines = [
    '',
    `牵手童行 is running: ${baseUrl}`,
    `  API docs  ${baseUrl}/api/docs     health  ${baseUrl}/api/healthz`,
    '',
    'Demo personas — pick one on the sign-in page, or:',
    `  curl -X POST ${baseUrl}/api/dev/login -H 'content-type: application/json' -d '{"persona":"demo.coordinator"}'`,
    `  Staff personas can also use the desk sign-in: username = persona key, password ${DEMO_PASSWORD}`,
    '',
    ...personas.map((p) => `  ${p.key.padEnd(26)} ${p.name.padEnd(5, '　')} ${ROLE_LABELS[p.role].padEnd(8, '　')} ${p.regionName}`),
    '',
  ]
  process.stdout.write(lines.join('\n') + '\n')
}
