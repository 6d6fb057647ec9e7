/**
 * The app factory: everything the API is, with its dependencies passed in, so tests build the same
 * app over their own database and clock (`test/helpers/build-app.ts`). Process concerns — ports,
 * signals, the embedded database, the fake WeChat — live in server.ts.
 */
import Fastify, { type FastifyServerOptions } from 'fastify'
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config'
import type { Db } from './db/prisma'
import type { Clock } from './lib/clock'
import type { Keyring } from './lib/crypto'
import { loggerOptions } from './lib/logger'
import { OneLinePerRequest } from './lib/request-log'
import { responseSerializerCompiler } from './lib/serializer'
import type { WechatClient } from './wechat/client'
import auth from './plugins/app/auth'
import errorHandler, { clientErrorHandler, handleError } from './plugins/app/error-handler'
import gracefulClose from './plugins/app/graceful-close'
import metrics from './plugins/app/metrics'
import prisma from './plugins/app/prisma'
import wechat from './plugins/app/wechat'
import helmet from './plugins/external/helmet'
import rateLimit from './plugins/external/rate-limit'
import staticFiles from './plugins/external/static'
import swagger from './plugins/external/swagger'
import modules from './modules/index'

declare module 'fastify' {
  interface FastifyInstance {
    routeList: ReadonlyArray<{ method: string; url: string }>
  }
}

export interface AppDeps {
  config: Config
  prisma: Db
  clock: Clock
  keyring: Keyring
  wechat: WechatClient
  /** Base URL of the fake WeChat server, when one runs (demo and tests): enables the H5 bridge. */
  fakeWechatUrl?: string
  logger?: FastifyServerOptions['logger'] | false
  /** Where log lines go (tests capture them to prove no personal data is logged). */
  logStream?: { write(line: string): void }
}

export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.logger ?? { ...(loggerOptions(deps.config) as object), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    logController: new OneLinePerRequest(),
    bodyLimit: 256 * 1024,
    trustProxy: deps.config.TRUST_PROXY ? deps.config.TRUST_PROXY.split(',').map((s) => s.trim()) : false,
    // Personal data must never reach URLs; long query strings are a sign of misuse.
    routerOptions: { maxParamLength: 200 },
    // What Fastify answers before any route runs (an undecodable URL, an over-long id, a request
    // line or header Node cannot parse) gets our `{ code, message }` too.
    frameworkErrors: handleError,
    clientErrorHandler,
    // While closing, plugins/app/graceful-close.ts refuses new requests in our shape instead.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  // Compiled serializers; under test each reply is checked against zod's encoding too (lib/serializer.ts).
  app.setSerializerCompiler(responseSerializerCompiler({ verify: deps.config.NODE_ENV === 'test' }))

  // Every registered route, so the authorization-matrix test can insist that each one is covered.
  const routeList: Array<{ method: string; url: string }> = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: route.url })
  })
  app.decorate('routeList', routeList)

  await app.register(errorHandler)
  await app.register(metrics)
  await app.register(gracefulClose)
  await app.register(helmet)
  await app.register(rateLimit, { perMinute: deps.config.RATE_LIMIT_PER_MINUTE })
  await app.register(swagger)
  await app.register(prisma, { prisma: deps.prisma, config: deps.config, clock: deps.clock, keyring: deps.keyring })
  await app.register(wechat, { client: deps.wechat, fakeUrl: deps.fakeWechatUrl })
  await app.register(auth)
  await app.register(modules, { prefix: '/api' })
  await app.register(staticFiles, { root: deps.config.H5_DIR })
  return app
}
export type App = Awaited<ReturnType<typeof buildApp>>
