/**
 * What a database holds, in a form two databases can be compared by: for every table of every
 * schema that is not PostgreSQL's own, its row count and an MD5 over every row's text (sorted, so
 * the physical order a restore chose does not matter); and every sequence's position.
 *
 * Sequences are not transactional (a snapshot cannot see their past), so a comparison against a
 * snapshot taken under load leaves them out.
 */
import pg from 'pg'

export interface Fingerprint {
  tables: Record<string, { rows: number; md5: string }>
  sequences: Record<string, string>
}

export async function fingerprint(db: string | pg.Client, o: { sequences?: boolean } = {}): Promise<Fingerprint> {
  const client = typeof db === 'string' ? new pg.Client({ connectionString: db }) : db
  if (typeof db === 'string') await client.connect()
  try {
    const ours = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`
    const rels = await client.query<{ schema: string; name: string; kind: string }>(`
      SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'S') AND ${ours} ORDER BY 1, 2`)
    const out: Fingerprint = { tables: {}, sequences: {} }
    for (const r of rels.rows) {
      const name = `${client.escapeIdentifier(r.schema)}.${client.escapeIdentifier(r.name)}`
      if (r.kind === 'S') {
        if (o.sequences === false) continue
        const s = await client.query<{ v: string; called: boolean }>(`SELECT last_value::text AS v, is_called AS called FROM ${name}`)
        out.sequences[`${r.schema}.${r.name}`] = `${s.rows[0]!.v}${s.rows[0]!.called ? '' : ' (not called)'}`
        continue
      }
      const t = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, coalesce(md5(string_agg(h, '' ORDER BY h)), '') AS md5 FROM (SELECT md5(t::text) AS h FROM ${name} t) x`,
      )
      out.tables[`${r.schema}.${r.name}`] = t.rows[0]!
    }
    return out
  } finally {
    if (typeof db === 'string') await client.end()
  }
}
