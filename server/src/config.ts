/**
 * Configuration comes only from environment variables, parsed once at start-up by a zod schema.
 * A bad value stops the server with one line naming the variable (see `loadConfig`), never a stack.
 */
import path from 'node:path'
import { z } from 'zod'

export const ROOT_DIR = path.resolve(import.meta.dirname, '../..')

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
const minutes = z.coerce.number().int().positive()
const postgresUrl = z
      .string()
      .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
        message: 'must look like postgresql://user:password@host:5432/database',
      })

/** Variables that production must set; elsewhere the demo provides them (config.test / README). */
export const PRODUCTION_REQUIRED = ['DATABASE_URL', 'WECHAT_API_BASE', 'WECHAT_SECRET', 'DATA_KEYS', 'BLIND_INDEX_KEY'] as const

/**
 * Every variable, with the description README's table is generated from (`npm run docs:env`;
 * server/src/lib/env-table.test.ts fails when README and this schema disagree).
 */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('`production` requires the variables marked so, and removes the dev routes and the fake WeChat'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('port the API and the H5 app listen on'),
    HOST: z.string().min(1).default('localhost').describe('address to listen on (`0.0.0.0` behind a proxy on another machine)'),
    // Empty means none: otherwise any client could pick its own address and walk around per-IP rate limits.
    TRUST_PROXY: z.string().default('').describe('comma-separated addresses or CIDRs of reverse proxies whose `X-Forwarded-For` is believed; empty: none'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level'),
    DATABASE_URL: postgresUrl
      .optional()
      .describe('external PostgreSQL (`postgresql://user:pass@host:5432/db`); without it an embedded PostgreSQL runs in DATA_DIR'),
    DATABASE_DIRECT_URL: postgresUrl
      .optional()
      .describe('PostgreSQL itself when DATABASE_URL points at PgBouncer in transaction pooling: migrations (an advisory lock), each API process\'s LISTEN for session changes and the worker connect here; default DATABASE_URL'),
    DATABASE_NAMED_STATEMENTS: bool
      .default(true)
      .describe('named prepared statements on the hot paths; `false` behind a pooler that cannot carry them (PgBouncer before 1.21 in transaction pooling — Debian 12 ships 1.18 — or a later one with max_prepared_statements = 0)'),
    DATA_DIR: z.string().default(path.join(ROOT_DIR, 'data')).describe('embedded PostgreSQL data and, outside production, the generated dev keys'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329).describe('port of the embedded PostgreSQL (loopback only)'),
    SEED_DEMO: bool.optional().describe('seed the demo county into an empty database; default `true` in development, else `false`'),
    H5_DIR: z.string().default(path.join(ROOT_DIR, 'client/dist/h5')).describe('the H5 build served at `/`'),
    WECHAT_API_BASE: z.url().optional().describe("WeChat's API base; outside production a fake WeChat server starts on loopback without it"),
    WECHAT_APPID: z.string().min(1).default('wx0000000000demo00').describe("the mini-program's appid"),
    WECHAT_SECRET: z.string().min(1).optional().describe("the mini-program's secret"),
    WECHAT_TEMPLATE_GENERAL: z.string().min(1).default('qstx-general-notice').describe('subscribe-message template for programme notifications (fields thing1, thing2, time3)'),
    RUN_WORKER: bool.default(true).describe('run the background worker (notifications, reminders, exports) in this process; `false` on extra API processes'),
    RUN_API: bool.default(true).describe('serve the API in this process; `false` makes it a worker alone (`npm run worker` sets it)'),
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(300).default(10).describe('on SIGTERM, how long running requests and jobs may take to finish; then requests lose their connection and jobs are handed to another worker'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600).describe('requests a minute per session (per address when signed out); sign-in routes have stricter limits of their own'),
    SESSION_IDLE_STAFF_MINUTES: minutes.default(30).describe("staff sessions end after this many idle minutes"),
    SESSION_IDLE_VOLUNTEER_MINUTES: minutes.default(14 * 24 * 60).describe("volunteers' sessions end after this many idle minutes (14 days)"),
    SESSION_MAX_HOURS: z.coerce.number().int().positive().default(30 * 24).describe('no session lives longer than this'),
    // The first key encrypts; all decrypt (rotation, README "Key rotation").
    DATA_KEYS: z
      .string()
      .regex(/^(\w+:[A-Za-z0-9+/=]{43,44})(,\w+:[A-Za-z0-9+/=]{43,44})*$/)
      .optional()
      .describe('AES-256-GCM keys for ID numbers, phones and addresses, `k1:<base64 32 bytes>,k0:<…>`, the first encrypts; generated into DATA_DIR outside production'),
    BLIND_INDEX_KEY: z.string().min(32).optional().describe('HMAC key for ID-number lookups; generated into DATA_DIR outside production'),
    PG_BIN_DIR: z.string().min(1).optional().describe("where `npm run backup`/`restore` find pg_dump and pg_restore (at least the server's version) before the embedded binaries and PATH"),
    METRICS_TOKEN: z.string().min(32).optional().describe('lets Prometheus on another machine read `/api/metrics` (`Authorization: Bearer <token>`); from this machine no token is needed'),
  })
  .superRefine((env, ctx) => {
    if (!env.RUN_API && !env.RUN_WORKER) ctx.addIssue({ code: 'custom', path: ['RUN_API'], message: 'and RUN_WORKER are both false: nothing to run' })
    if (env.DATABASE_DIRECT_URL && !env.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_DIRECT_URL'], message: 'needs DATABASE_URL beside it' })
    if (env.NODE_ENV !== 'production') return
    for (const key of PRODUCTION_REQUIRED) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' })
    }
  })

export type Config = z.infer<typeof EnvSchema> & { seedDemo: boolean; isProduction: boolean }

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(`configuration error: ${issue.path.join('.')} ${issue.message}`)
  }
  const c = parsed.data
  return { ...c, isProduction: c.NODE_ENV === 'production', seedDemo: c.SEED_DEMO ?? c.NODE_ENV === 'development' }
}
