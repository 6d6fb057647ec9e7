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

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    /**
     * Proxies whose X-Forwarded-For we believe (comma-separated addresses or CIDRs). Empty means
     * none: otherwise any client could pick its own address and walk around per-IP rate limits.
     */
    TRUST_PROXY: z.string().default(''),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** External PostgreSQL; when absent an embedded server is started with its data in DATA_DIR. */
    DATABASE_URL: postgresUrl.optional(),
    /**
     * PostgreSQL itself when DATABASE_URL points at PgBouncer in transaction pooling: what needs a
     * session of its own connects here — migrations (an advisory lock), each API process's LISTEN for
     * session changes, and the worker (graphile-worker LISTENs for new jobs). Default: DATABASE_URL.
     */
    DATABASE_DIRECT_URL: postgresUrl.optional(),
    /**
     * Named prepared statements on the hot paths (db/sql.ts). Set false behind a pooler that cannot
     * carry them between its server connections: PgBouncer before 1.21 in transaction pooling (Debian
     * 12 ships 1.18), or a later one with max_prepared_statements = 0.
     */
    DATABASE_NAMED_STATEMENTS: bool.default(true),
    DATA_DIR: z.string().default(path.join(ROOT_DIR, 'data')),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    /** Seed the demo county on first start with an empty database. */
    SEED_DEMO: bool.optional(),
    /** Serve the H5 build from here at `/`. */
    H5_DIR: z.string().default(path.join(ROOT_DIR, 'client/dist/h5')),
    /** WeChat API base; when absent outside production a fake WeChat server is started on loopback. */
    WECHAT_API_BASE: z.url().optional(),
    WECHAT_APPID: z.string().min(1).default('wx0000000000demo00'),
    WECHAT_SECRET: z.string().min(1).optional(),
    /** Subscribe-message template for programme notifications (fields thing1, thing2, time3). */
    WECHAT_TEMPLATE_GENERAL: z.string().min(1).default('qstx-general-notice'),
    /**
     * Run the background worker (notification delivery, reminders) in this process. Several API
     * processes: false on each, and one or more worker processes (`npm run worker`) beside them.
     */
    RUN_WORKER: bool.default(true),
    /** Serve the API in this process; false makes it a worker alone (`npm run worker` sets it). */
    RUN_API: bool.default(true),
    /**
     * On SIGTERM: how long running requests and jobs may take to finish. Then requests still
     * running lose their connection and jobs still running are handed to another worker.
     */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
    /** Requests a minute per session (per address without one); sign-in routes have stricter limits of their own. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    /** Session idle timeouts and absolute lifetime. */
    SESSION_IDLE_STAFF_MINUTES: minutes.default(30),
    SESSION_IDLE_VOLUNTEER_MINUTES: minutes.default(14 * 24 * 60),
    SESSION_MAX_HOURS: z.coerce.number().int().positive().default(30 * 24),
    /**
     * Encryption keys for ID numbers, phones and addresses: "k1:<base64 32 bytes>,k2:<…>".
     * The first key encrypts; all decrypt (rotation). BLIND_INDEX_KEY keys the HMAC lookups.
     * Outside production, missing keys are generated once and kept in DATA_DIR/dev-keys.json.
     */
    DATA_KEYS: z.string().regex(/^(\w+:[A-Za-z0-9+/=]{43,44})(,\w+:[A-Za-z0-9+/=]{43,44})*$/).optional(),
    BLIND_INDEX_KEY: z.string().min(32).optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.RUN_API && !env.RUN_WORKER) ctx.addIssue({ code: 'custom', path: ['RUN_API'], message: 'and RUN_WORKER are both false: nothing to run' })
    if (env.DATABASE_DIRECT_URL && !env.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_DIRECT_URL'], message: 'needs DATABASE_URL beside it' })
    if (env.NODE_ENV !== 'production') return
    for (const key of ['DATABASE_URL', 'WECHAT_API_BASE', 'WECHAT_SECRET', 'DATA_KEYS', 'BLIND_INDEX_KEY'] as const) {
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
