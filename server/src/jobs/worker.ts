/**
 * Background work on the same PostgreSQL (graphile-worker): notification delivery now; reminders
 * and escalation sweeps join as crontab items. Its schema (graphile_worker) is installed by
 * `installJobSchema` right after our own migrations.
 */
import { EventEmitter } from 'node:events'
import { Logger, run, runMigrations, runOnce, type TaskList, type WorkerEvents } from 'graphile-worker'
import pg from 'pg'
import type { Db } from '../db/prisma'
import type { Clock } from '../lib/clock'
import type { Keyring } from '../lib/crypto'
import { sendReportReminders } from '../modules/dashboard/reminders'
import { purgeExports, runExport } from '../modules/exports/jobs'
import { cleanIdempotencyKeys, sendConfirmReminders, sendDueReminders } from '../modules/checkins/reminders'
import { runEscalationSweep } from '../modules/safeguarding/escalation'
import type { WechatClient } from '../wechat/client'
import { deliverNotification } from './deliver-notification'

export interface WorkerDeps {
  databaseUrl: string
  prisma: Db
  wechat: WechatClient
  templateId: string
  clock: Clock
  /** Background exports open sealed columns and seal the file they make (issue #10). */
  keyring?: Keyring
}

/** Periodic work (graphile-worker crontab syntax): the safeguarding escalation sweep every minute. */
const CRONTAB = [
  '* * * * * escalate_safeguarding ?max=1',
  // Reports: the reminder before each province's deadline (once a year, hourly checks), and the
  // files of background exports whose one-hour link has run out.
  '7 * * * * remind_annual_report ?max=1',
  '*/10 * * * * purge_exports ?max=1',
  // Check-ins (times are UTC): directors hourly in China's daytime when a check-in has waited 3 days;
  // volunteers at 09:30 China time when a contact is due; idempotency keys past 8 days at 03:45.
  '15 1-12 * * * checkin_confirm_reminders ?max=1',
  '30 1 * * * checkin_due_reminders ?max=1',
  '45 19 * * * idempotency_cleanup ?max=1',
].join('\n')

function taskList(deps: WorkerDeps): TaskList {
  return {
    deliver_notification: async (payload) => {
      await deliverNotification(deps, (payload as { id: string }).id)
    },
    escalate_safeguarding: async () => {
      await runEscalationSweep(deps.prisma, deps.clock.now())
    },
    run_export: async (payload) => {
      if (!deps.keyring) throw new Error('run_export needs the data keys (WorkerDeps.keyring)')
      await runExport({ prisma: deps.prisma, clock: deps.clock, keyring: deps.keyring }, (payload as { id: string }).id)
    },
    remind_annual_report: async () => {
      await sendReportReminders(deps.prisma, deps.clock.now())
    },
    purge_exports: async () => {
      if (deps.keyring) await purgeExports({ prisma: deps.prisma, clock: deps.clock, keyring: deps.keyring })
    },
    checkin_confirm_reminders: async () => {
      await sendConfirmReminders(deps.prisma, deps.clock.now())
    },
    checkin_due_reminders: async () => {
      await sendDueReminders(deps.prisma, deps.clock.now())
    },
    idempotency_cleanup: async () => {
      await cleanIdempotencyKeys(deps.prisma, deps.clock.now())
    },
  }
}

/** Job failures are recorded on the notification itself; the library's chatter stays out of our logs. */
const quietLogger = () => new Logger(() => () => {})

export async function installJobSchema(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger() })
}

/**
 * The worker gets its own small pool that we own: on shutdown we stop the runner, then end the
 * pool, before the database goes away — and a connection the server drops meanwhile is an expected
 * event, not an uncaught error that would turn a clean SIGTERM into exit 1.
 *
 * `stop(graceMs)` lets running jobs finish; one still running after `graceMs` is handed back
 * (graphile_worker.force_unlock_workers) so another worker takes it at once — otherwise its lock
 * would hold it for graphile-worker's four-hour timeout. Every job is safe to run again: delivery
 * checks the notification's state, reminders and escalations record what they sent.
 */
export async function startWorker(deps: WorkerDeps): Promise<{ stop(graceMs?: number): Promise<void> }> {
  const pgPool = new pg.Pool({ connectionString: deps.databaseUrl, max: 4 })
  pgPool.on('error', () => {})
  const events = new EventEmitter() as WorkerEvents
  const workerIds: string[] = []
  events.on('worker:create', ({ worker }) => workerIds.push(worker.workerId))
  const runner = await run({
    pgPool,
    concurrency: 2,
    pollInterval: 2000,
    noHandleSignals: true,
    taskList: taskList(deps),
    crontab: CRONTAB,
    logger: quietLogger(),
    events,
  })
  return {
    async stop(graceMs = 10_000) {
      const stopping = runner.stop()
      if (!(await settlesWithin(stopping, graceMs))) {
        await pgPool.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [workerIds]).catch(() => undefined)
        // The runner is still letting go (a job poll in flight): the pool ends after it, not under it.
        await settlesWithin(stopping, 2_000)
      }
      await settlesWithin(pgPool.end(), 2_000)
    },
  }
}

/** True if `p` settles (either way) within `ms`. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([p.then(() => true, () => true), late])
  } finally {
    clearTimeout(timer)
  }
}

/** Runs every job that is due now, then returns (tests drive delivery with it). */
export async function runDueJobs(deps: WorkerDeps): Promise<void> {
  await runOnce({ connectionString: deps.databaseUrl, taskList: taskList(deps), logger: quietLogger() })
}
