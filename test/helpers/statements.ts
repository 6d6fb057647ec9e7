/**
 * The statements this process sends, caught where every query passes: node-postgres's
 * Client#query, under Prisma's adapter and db/sql.ts alike. hot-paths.test.ts counts what one
 * request sends and EXPLAINs it; the bench (server-process.ts) hands a read's one statement to the
 * limit process, which runs it bare.
 */
import pg from 'pg'

/** A statement as it was sent: its text, its values, and whether it was named (prepared once per connection, db/sql.ts). */
export interface Statement { text: string; values: unknown[]; named: boolean }

/** From now on, every client's queries pass here; between start() and stop(), those `keep` accepts are kept. */
export function catchStatements(keep: (client: pg.Client, text: string) => boolean) {
  let caught: Statement[] | null = null
  const original = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text?: string; values?: unknown[]; name?: string } | undefined, unknown]
    const text = typeof first === 'string' ? first : first?.text
    if (caught && typeof text === 'string' && keep(this, text)) {
      caught.push(typeof first === 'string'
        ? { text, values: Array.isArray(second) ? second : [], named: false }
        : { text, values: first?.values ?? [], named: !!first?.name })
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof pg.Client.prototype.query
  return {
    start: () => void (caught = []),
    stop: (): Statement[] => {
      const out = caught ?? []
      caught = null
      return out
    },
    /** Puts node-postgres back as it was. */
    restore: () => void (pg.Client.prototype.query = original),
  }
}
