/**
 * The baseline: a bare Fastify hello-world in a process of its own, measured with the same
 * autocannon settings as the scenarios. Dividing by it turns absolute numbers, which depend on the
 * machine, into "how much slower than doing nothing" — comparable across machines and runs.
 */
import Fastify from 'fastify'
import { announce, childLifecycle } from './processes'

const life = childLifecycle()

async function main() {
  const app = Fastify({ logger: false })
  app.get('/', async () => ({ hello: 'world' }))
  life.onCleanup(() => app.close())
  announce(await app.listen({ port: 0, host: '127.0.0.1' }))
}

main().catch((err: Error) => {
  console.error(`bench hello: ${err.message}`)
  void life.shutdown(1)
})
