/**
 * prisma/schema.prisma and prisma/migrations must describe the same database. Prisma Migrate
 * cannot run here (ARCHITECTURE.md), so nothing else would notice when a migration and the schema
 * disagree — until the generated client queries a column that is not there, or a NOT NULL the
 * schema calls optional rejects a write in production.
 *
 * How: every migration is applied by the project's own migrator to a brand-new empty database;
 * the schema's DMMF (from Prisma's own schema parser, the wasm build of prisma-fmt) is then
 * compared with the PostgreSQL catalog, in both directions. Expectations follow what
 * `prisma migrate diff` would produce: Prisma's default constraint names, Restrict/SetNull on
 * delete and Cascade on update, scalar lists as nullable arrays.
 *
 * The second describe block mutates the schema text and the database and checks that each kind of
 * drift is reported, so this test cannot quietly turn into one that always passes.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { get_dmmf } from '@prisma/prisma-schema-wasm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ROOT_DIR } from '../server/src/config'
import { migrate, readMigrations } from '../server/src/db/migrate'

const SCHEMA_PATH = path.join(ROOT_DIR, 'prisma/schema.prisma')

/** The migrator's own bookkeeping table: in the database, deliberately not in the Prisma schema. */
const MIGRATOR_TABLES = new Set(['_migrations'])

/**
 * Indexes the migrations add that the Prisma schema does not declare. Each is listed with its exact
 * definition, so a new one must be added here on purpose and a dropped one is noticed.
 * (The schema could declare these too — `@@index([regionCode(ops: raw("text_pattern_ops"))],
 * map: "…_regionCode_pattern_idx")` — and this test would then check them like any other index.)
 */
const KNOWN_EXTRA_INDEXES: Record<string, string> = {
  // text_pattern_ops lets `code LIKE '4501%'` (region containment) use an index.
  regions_code_pattern_idx: 'CREATE INDEX regions_code_pattern_idx ON public.regions USING btree (code text_pattern_ops)',
  role_assignments_regionCode_pattern_idx:
    'CREATE INDEX "role_assignments_regionCode_pattern_idx" ON public.role_assignments USING btree ("regionCode" text_pattern_ops)',
  invitations_regionCode_pattern_idx:
    'CREATE INDEX "invitations_regionCode_pattern_idx" ON public.invitations USING btree ("regionCode" text_pattern_ops)',
  audit_logs_regionCode_pattern_idx:
    'CREATE INDEX "audit_logs_regionCode_pattern_idx" ON public.audit_logs USING btree ("regionCode" text_pattern_ops)',
  // With the id and the desk list's sort keys, for its index-only first pass (migration 20261209020000).
  children_villageCode_pattern_idx:
    'CREATE INDEX "children_villageCode_pattern_idx" ON public.children USING btree ("villageCode" text_pattern_ops) INCLUDE (id, name, "birthDate")',
  safeguarding_reports_regionCode_pattern_idx:
    'CREATE INDEX "safeguarding_reports_regionCode_pattern_idx" ON public.safeguarding_reports USING btree ("regionCode" text_pattern_ops)',
  // Region containment with the state (and what staleness needs): the ledger's counts, index-only.
  pairings_villageCode_pattern_idx:
    'CREATE INDEX "pairings_villageCode_pattern_idx" ON public.pairings USING btree ("villageCode" text_pattern_ops, state) INCLUDE ("lastConfirmedContactAt", "startDate")',
  // The duty calendar's columns of open files: a county's calendar, index-only.
  // A county's lists walk that county alone, however large the province (migration 20261207010000_county_search).
  children_county_name_idx: 'CREATE INDEX children_county_name_idx ON public.children USING btree ("left"(("villageCode")::text, 6), name, id)',
  pairings_county_changed_idx: 'CREATE INDEX pairings_county_changed_idx ON public.pairings USING btree ("left"(("villageCode")::text, 6), "stateChangedAt", id)',
  // Issue #15 (migration 20261209010000_ledger_counts): a city's or province's counties in the
  // ledger's counts, and the volunteers with room that suggestions rank.
  pairing_counts_regionCode_pattern_idx:
    'CREATE INDEX "pairing_counts_regionCode_pattern_idx" ON public.pairing_counts USING btree ("regionCode" text_pattern_ops) INCLUDE (state, n)',
  pairing_due_days_regionCode_pattern_idx:
    'CREATE INDEX "pairing_due_days_regionCode_pattern_idx" ON public.pairing_due_days USING btree ("regionCode" text_pattern_ops, day) INCLUDE (n)',
  volunteers_with_room_idx:
    'CREATE INDEX volunteers_with_room_idx ON public.volunteers USING btree ("serviceRegionCode") WHERE ((status = \'approved\'::"VolunteerStatus") AND ("livePairings" < capacity))',
  // Issue #17 added the entrusted carer's re-assessment, the water-safety talk and the child's director (migration 20261208060000).
  children_duty_idx:
    'CREATE INDEX children_duty_idx ON public.children USING btree ("villageCode" text_pattern_ops) INCLUDE (id, name, "lastContactOn", "lastHomeVisitOn", "createdAt", "riskLevel", "specialAttention", "nearWater", "waterSafetyOn", "entrustedCarer", "entrustedSince", "entrustedAssessedOn", "entrustedFollowUp", "directorUserId") WHERE ("closedAt" IS NULL)',
  // A region's activities by date (issue #17).
  activities_villageCode_pattern_idx:
    'CREATE INDEX "activities_villageCode_pattern_idx" ON public.activities USING btree ("villageCode" text_pattern_ops, "heldOn")',
  // One live pairing per child (partial: ended and declined pairings stay in the ledger).
  pairings_childId_live_key:
    `CREATE UNIQUE INDEX "pairings_childId_live_key" ON public.pairings USING btree ("childId") WHERE (state = ANY (ARRAY['proposed'::"PairingState", 'acknowledged'::"PairingState", 'active'::"PairingState", 'paused'::"PairingState"]))`,
}

// ---------------------------------------------------------------------------------------------
// The schema side: Prisma's DMMF
// ---------------------------------------------------------------------------------------------

interface DmmfField {
  name: string
  dbName?: string | null
  kind: 'scalar' | 'object' | 'enum' | 'unsupported'
  isList: boolean
  isRequired: boolean
  isUpdatedAt: boolean
  hasDefaultValue: boolean
  type: string
  nativeType?: [string, string[]] | null
  default?: unknown
  relationName?: string
  relationFromFields?: string[]
  relationToFields?: string[]
  relationOnDelete?: string
  relationOnUpdate?: string
}
interface DmmfModel {
  name: string
  dbName: string | null
  fields: DmmfField[]
}
interface DmmfEnum {
  name: string
  dbName?: string | null
  values: Array<{ name: string; dbName: string | null }>
}
interface DmmfIndex {
  model: string
  type: 'id' | 'unique' | 'normal' | 'fulltext'
  dbName?: string | null
  algorithm?: string
  fields: Array<{ name: string; sortOrder?: 'asc' | 'desc'; operatorClass?: string }>
}
interface Datamodel {
  models: DmmfModel[]
  enums: DmmfEnum[]
  indexes: DmmfIndex[]
}

function readDatamodel(schemaText: string): Datamodel {
  return (JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as { datamodel: Datamodel }).datamodel
}

/**
 * The DMMF does not carry `@relation(map: "…")`, so the foreign-key names a schema sets explicitly
 * are read from the field's line in the schema text.
 */
function relationMapNames(schemaText: string): Map<string, string> {
  const names = new Map<string, string>()
  for (const block of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const line of block[2]!.split('\n')) {
      const m = /^\s*(\w+)\s.*@relation\([^)]*\bmap:\s*"([^"]+)"/.exec(line)
      if (m) names.set(`${block[1]}.${m[1]}`, m[2]!)
    }
  }
  return names
}

// ---------------------------------------------------------------------------------------------
// The database side: the PostgreSQL catalog
// ---------------------------------------------------------------------------------------------

interface DbColumn {
  type: string
  notNull: boolean
  default: string | null
  identity: string
  generated: string
}
interface DbIndex {
  name: string
  table: string
  unique: boolean
  primary: boolean
  method: string
  /** null where the index key is an expression rather than a column */
  columns: Array<string | null>
  descending: boolean[]
  /** operator class per key column, or null where it is the type's default */
  opclasses: Array<string | null>
  partial: boolean
  definition: string
}
interface DbForeignKey {
  name: string
  table: string
  columns: string[]
  refTable: string
  refColumns: string[]
  onDelete: string
  onUpdate: string
}
interface Catalog {
  tables: Map<string, Map<string, DbColumn>>
  enums: Map<string, string[]>
  indexes: DbIndex[]
  foreignKeys: DbForeignKey[]
}

const FK_ACTIONS: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' }

async function readCatalog(db: pg.ClientBase): Promise<Catalog> {
  const tables = new Map<string, Map<string, DbColumn>>()
  const tableRows = await db.query<{ relname: string }>(`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`)
  for (const t of tableRows.rows) tables.set(t.relname, new Map())

  const columns = await db.query<{
    table: string; column: string; not_null: boolean; type: string; typtype: string; typname: string
    elem_typtype: string | null; elem_typname: string | null; default: string | null; identity: string; generated: string
  }>(`
    SELECT c.relname AS table, a.attname AS column, a.attnotnull AS not_null,
           format_type(a.atttypid, a.atttypmod) AS type, t.typtype, t.typname,
           et.typtype AS elem_typtype, et.typname AS elem_typname,
           pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`)
  for (const c of columns.rows) {
    // Enums are compared by name, without format_type's quoting.
    const type =
      c.typtype === 'e' ? `enum ${c.typname}` : c.elem_typtype === 'e' ? `enum ${c.elem_typname}[]` : c.type
    tables.get(c.table)!.set(c.column, { type, notNull: c.not_null, default: c.default, identity: c.identity, generated: c.generated })
  }

  const enums = new Map<string, string[]>()
  const enumRows = await db.query<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`)
  for (const e of enumRows.rows) enums.set(e.name, e.labels)

  const indexRows = await db.query<{
    name: string; table: string; unique: boolean; primary: boolean; method: string; columns: Array<string | null>
    descending: boolean[]; opclasses: Array<string | null>; partial: boolean; definition: string
  }>(`
    SELECT ic.relname AS name, tc.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
           am.amname AS method, i.indpred IS NOT NULL AS partial, pg_get_indexdef(i.indexrelid) AS definition,
           array_agg(a.attname::text ORDER BY k.ord) AS columns,
           array_agg((i.indoption[k.ord - 1] & 1) = 1 ORDER BY k.ord) AS descending,
           array_agg(CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname::text END ORDER BY k.ord) AS opclasses
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class tc ON tc.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = tc.relnamespace
    JOIN pg_am am ON am.oid = ic.relam
    CROSS JOIN LATERAL unnest(i.indkey::int2[], i.indclass::oid[]) WITH ORDINALITY AS k(attnum, opclass, ord)
    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
    LEFT JOIN pg_opclass opc ON opc.oid = k.opclass
    WHERE n.nspname = 'public' AND k.ord <= i.indnkeyatts
    GROUP BY ic.relname, tc.relname, i.indisunique, i.indisprimary, am.amname, i.indpred, i.indexrelid`)

  const fkRows = await db.query<{
    name: string; table: string; columns: string[]; ref_table: string; ref_columns: string[]; del: string; upd: string
  }>(`
    SELECT con.conname AS name, tc.relname AS table, rc.relname AS ref_table,
           con.confdeltype AS del, con.confupdtype AS upd,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS ref_columns
    FROM pg_constraint con
    JOIN pg_class tc ON tc.oid = con.conrelid
    JOIN pg_class rc ON rc.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = tc.relnamespace
    WHERE n.nspname = 'public' AND con.contype = 'f'`)

  return {
    tables,
    enums,
    indexes: indexRows.rows,
    foreignKeys: fkRows.rows.map((r) => ({
      name: r.name, table: r.table, columns: r.columns, refTable: r.ref_table, refColumns: r.ref_columns,
      onDelete: FK_ACTIONS[r.del] ?? r.del, onUpdate: FK_ACTIONS[r.upd] ?? r.upd,
    })),
  }
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

/** Prisma's default scalar → PostgreSQL type, in format_type's spelling. */
const DEFAULT_TYPES: Record<string, string> = {
  String: 'text', Int: 'integer', BigInt: 'bigint', Float: 'double precision', Decimal: 'numeric(65,30)',
  Boolean: 'boolean', DateTime: 'timestamp(3) without time zone', Json: 'jsonb', Bytes: 'bytea',
}

const withArg = (name: string, suffix = '') => (a: string[]) => (a.length ? `${name}(${a.join(',')})${suffix}` : `${name}${suffix}`)
/** Prisma's `@db.*` native types → format_type's spelling. */
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => 'text',
  VarChar: withArg('character varying'),
  Char: (a) => `character(${a[0] ?? 1})`,
  Uuid: () => 'uuid',
  SmallInt: () => 'smallint',
  Integer: () => 'integer',
  BigInt: () => 'bigint',
  Real: () => 'real',
  DoublePrecision: () => 'double precision',
  Decimal: withArg('numeric'),
  Money: () => 'money',
  Boolean: () => 'boolean',
  Date: () => 'date',
  Timestamp: withArg('timestamp', ' without time zone'),
  Timestamptz: withArg('timestamp', ' with time zone'),
  Time: withArg('time', ' without time zone'),
  Timetz: withArg('time', ' with time zone'),
  Json: () => 'json',
  JsonB: () => 'jsonb',
  ByteA: () => 'bytea',
  Inet: () => 'inet',
  Citext: () => 'citext',
  Xml: () => 'xml',
  Oid: () => 'oid',
  Bit: withArg('bit'),
  VarBit: withArg('bit varying'),
}

const PG_MAX_IDENTIFIER = 63

/** Prisma's default constraint and index names (`{table}_{columns}_{suffix}`, cut to 63 characters). */
function prismaName(table: string, columns: string[], suffix: 'pkey' | 'key' | 'idx' | 'fkey'): string {
  const base = suffix === 'pkey' ? table : `${table}_${columns.join('_')}`
  const end = `_${suffix}`
  return base.length + end.length > PG_MAX_IDENTIFIER ? base.slice(0, PG_MAX_IDENTIFIER - end.length) + end : base + end
}

/**
 * A column default as PostgreSQL prints it, reduced to compare with Prisma's literal: casts
 * dropped (`'draft'::"VolunteerStatus"` → `draft`, `ARRAY[]::text[]` → `ARRAY[]`), a lone string
 * literal unquoted, CURRENT_TIMESTAMP spelled `now()`.
 */
function normaliseDefault(expr: string): string {
  let out = ''
  for (let i = 0; i < expr.length; ) {
    const ch = expr[i]!
    if (ch === "'") {
      let j = i + 1
      while (j < expr.length && !(expr[j] === "'" && expr[j + 1] !== "'")) j += expr[j] === "'" ? 2 : 1
      out += expr.slice(i, j + 1)
      i = j + 1
    } else if (expr.startsWith('::', i)) {
      const m = /^::(?:"(?:[^"]|"")*"|[a-z_][a-z0-9_]*(?: [a-z]+)*(?:\(\d+(?:,\d+)?\))?(?: with(?:out)? time zone)?)(?:\[\])*/.exec(expr.slice(i))
      i += m ? m[0].length : 2
    } else {
      out += ch
      i++
    }
  }
  if (/^'(?:[^']|'')*'$/.test(out)) out = out.slice(1, -1).replace(/''/g, "'")
  if (/^\('?-?[\d.]+'?\)$/.test(out)) out = out.replace(/[()']/g, '')
  return out === 'CURRENT_TIMESTAMP' ? 'now()' : out
}

function sqlLiteral(v: unknown): string {
  return typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v)
}

function describeDefault(d: unknown): string {
  return typeof d === 'object' && d !== null && 'name' in d ? `${(d as { name: string }).name}(…)` : JSON.stringify(d)
}

/** Compares one field's default with the column's; returns a problem or null. */
function checkDefault(field: DmmfField, column: DbColumn, enumsByName: Map<string, DmmfEnum>): string | null {
  const actual = column.default
  const d = field.default
  const fn = typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as { name: string; args: unknown[] }) : null
  if (!field.hasDefaultValue || (fn && ['uuid', 'cuid', 'nanoid', 'ulid'].includes(fn.name))) {
    // No default, or one Prisma's client fills in: the column must not have one of its own.
    return actual === null ? null : `has default ${actual} in the database but none in the schema`
  }
  if (fn?.name === 'autoincrement') {
    return /^nextval\('[^']+'::regclass\)$/.test(actual ?? '') || column.identity !== ''
      ? null
      : `is autoincrement() in the schema but its default is ${actual ?? 'missing'}`
  }
  if (fn?.name === 'dbgenerated') {
    const expected = fn.args[0] as string | undefined
    if (expected === undefined) return actual === null ? 'is dbgenerated() in the schema but has no default' : null
    return actual === expected ? null : `default is ${actual ?? 'missing'} in the database, dbgenerated("${expected}") in the schema (write it as PostgreSQL prints it)`
  }
  if (fn?.name === 'now') return actual !== null && normaliseDefault(actual) === 'now()' ? null : `default is ${actual ?? 'missing'}, schema says now()`
  if (fn) return `has a default the test does not understand: ${describeDefault(d)}`

  let expected: string
  if (Array.isArray(d)) {
    const values = field.kind === 'enum' ? d.map((v) => enumValueDbName(enumsByName, field.type, String(v))) : d
    expected = `ARRAY[${values.map(sqlLiteral).join(', ')}]`
  } else if (field.kind === 'enum') {
    expected = enumValueDbName(enumsByName, field.type, String(d))
  } else {
    expected = String(d)
  }
  const got = actual === null ? null : normaliseDefault(actual)
  return got === expected ? null : `default is ${actual ?? 'missing'} in the database, ${JSON.stringify(d)} in the schema`
}

function enumValueDbName(enumsByName: Map<string, DmmfEnum>, enumName: string, value: string): string {
  const v = enumsByName.get(enumName)?.values.find((x) => x.name === value)
  return v?.dbName ?? value
}

function expectedType(field: DmmfField, enumsByName: Map<string, DmmfEnum>): string {
  let base: string
  if (field.kind === 'enum') {
    const e = enumsByName.get(field.type)!
    base = `enum ${e.dbName ?? e.name}`
  } else if (field.nativeType) {
    const [name, args] = field.nativeType
    const render = NATIVE_TYPES[name]
    base = render ? render(args) : `(native type @db.${name} unknown to this test: add it to NATIVE_TYPES)`
  } else {
    base = DEFAULT_TYPES[field.type] ?? `(type ${field.type} unknown to this test: add it to DEFAULT_TYPES)`
  }
  return field.isList ? `${base}[]` : base
}

/** Every disagreement between the schema and the database, one readable line each. */
function compare(dm: Datamodel, db: Catalog, relationNames: Map<string, string> = new Map()): string[] {
  const problems: string[] = []
  const enumsByName = new Map(dm.enums.map((e) => [e.name, e]))
  const modelsByName = new Map(dm.models.map((m) => [m.name, m]))
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const f = model.fields.find((x) => x.name === fieldName)
    return f?.dbName ?? fieldName
  }

  // Enums, both ways, values in declaration order (PostgreSQL sorts enum columns by it).
  for (const e of dm.enums) {
    const name = e.dbName ?? e.name
    const expected = e.values.map((v) => v.dbName ?? v.name)
    const actual = db.enums.get(name)
    if (!actual) problems.push(`enum ${name}: missing from the database`)
    else if (actual.join(',') !== expected.join(',')) {
      problems.push(`enum ${name}: values are [${actual.join(', ')}] in the database, [${expected.join(', ')}] in the schema`)
    }
  }
  const schemaEnums = new Set(dm.enums.map((e) => e.dbName ?? e.name))
  for (const name of db.enums.keys()) if (!schemaEnums.has(name)) problems.push(`enum ${name}: in the database but not in the schema`)

  // Tables and columns, both ways.
  for (const model of dm.models) {
    const table = tableOf(model)
    const columns = db.tables.get(table)
    if (!columns) {
      problems.push(`table ${table} (model ${model.name}): missing from the database`)
      continue
    }
    const scalarFields = model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum')
    for (const field of scalarFields) {
      const name = field.dbName ?? field.name
      const where = `${table}.${name}`
      const column = columns.get(name)
      if (!column) {
        problems.push(`column ${where}: missing from the database`)
        continue
      }
      const type = expectedType(field, enumsByName)
      if (column.type !== type) problems.push(`column ${where}: type is ${column.type} in the database, ${type} in the schema`)
      // Prisma renders scalar lists without NOT NULL whatever the schema says (`prisma migrate diff`
      // would report a NOT NULL array as drift); everything else follows the field's `?`.
      const notNull = field.isList ? false : field.isRequired
      if (column.notNull !== notNull) {
        problems.push(`column ${where}: ${column.notNull ? 'NOT NULL' : 'nullable'} in the database, ${notNull ? 'required' : field.isList ? 'a list (Prisma creates lists without NOT NULL)' : 'optional'} in the schema`)
      }
      if (column.generated) problems.push(`column ${where}: is a generated column, which the schema cannot describe`)
      const defaultProblem = checkDefault(field, column, enumsByName)
      if (defaultProblem) problems.push(`column ${where}: ${defaultProblem}`)
    }
    const known = new Set(scalarFields.map((f) => f.dbName ?? f.name))
    for (const name of columns.keys()) if (!known.has(name)) problems.push(`column ${table}.${name}: in the database but not in model ${model.name}`)
  }
  const schemaTables = new Set(dm.models.map(tableOf))
  for (const table of db.tables.keys()) {
    if (!schemaTables.has(table) && !MIGRATOR_TABLES.has(table)) problems.push(`table ${table}: in the database but not in the schema`)
  }

  // Foreign keys, both ways, with Prisma's referential-action defaults.
  const matchedFks = new Set<DbForeignKey>()
  for (const model of dm.models) {
    const table = tableOf(model)
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue
      const target = modelsByName.get(field.type)!
      const columns = field.relationFromFields.map((f) => columnOf(model, f))
      const refTable = tableOf(target)
      const refColumns = (field.relationToFields ?? []).map((f) => columnOf(target, f))
      const optional = field.relationFromFields.some((f) => !model.fields.find((x) => x.name === f)!.isRequired)
      const onDelete = field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict')
      const onUpdate = field.relationOnUpdate ?? 'Cascade'
      const name = relationNames.get(`${model.name}.${field.name}`) ?? prismaName(table, columns, 'fkey')
      const where = `foreign key ${name} (${model.name}.${field.name})`
      const fk = db.foreignKeys.find((k) => k.table === table && k.columns.join(',') === columns.join(','))
      if (!fk) {
        problems.push(`${where}: missing from the database (${table}(${columns.join(', ')}) → ${refTable}(${refColumns.join(', ')}))`)
        continue
      }
      matchedFks.add(fk)
      if (fk.name !== name) problems.push(`${where}: is named ${fk.name} in the database`)
      if (fk.refTable !== refTable || fk.refColumns.join(',') !== refColumns.join(',')) {
        problems.push(`${where}: references ${fk.refTable}(${fk.refColumns.join(', ')}) in the database, ${refTable}(${refColumns.join(', ')}) in the schema`)
      }
      if (fk.onDelete !== onDelete) problems.push(`${where}: ON DELETE ${fk.onDelete} in the database, ${onDelete} in the schema`)
      if (fk.onUpdate !== onUpdate) problems.push(`${where}: ON UPDATE ${fk.onUpdate} in the database, ${onUpdate} in the schema`)
    }
  }
  for (const fk of db.foreignKeys) {
    if (!matchedFks.has(fk) && !MIGRATOR_TABLES.has(fk.table)) {
      problems.push(`foreign key ${fk.name}: ${fk.table}(${fk.columns.join(', ')}) → ${fk.refTable} is in the database but not in the schema`)
    }
  }

  // @id, @unique, @@unique, @@index, both ways.
  const matchedIndexes = new Set<string>()
  const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' } as const
  for (const index of dm.indexes) {
    const model = modelsByName.get(index.model)!
    const table = tableOf(model)
    const columns = index.fields.map((f) => columnOf(model, f.name))
    const name = index.dbName ?? prismaName(table, columns, suffix[index.type])
    const kind = index.type === 'id' ? 'primary key' : index.type === 'unique' ? 'unique index' : 'index'
    const where = `${kind} ${name} on ${table}(${columns.join(', ')})`
    const found = db.indexes.find((i) => i.name === name)
    if (!found) {
      const similar = db.indexes.find((i) => i.table === table && i.columns.join(',') === columns.join(','))
      problems.push(`${where}: missing from the database${similar ? ` (${similar.name} covers the same columns)` : ''}`)
      continue
    }
    matchedIndexes.add(found.name)
    if (found.table !== table) problems.push(`${where}: is on table ${found.table} in the database`)
    if (found.columns.join(',') !== columns.join(',')) problems.push(`${where}: covers (${found.columns.map((c) => c ?? '<expression>').join(', ')}) in the database`)
    if (found.unique !== (index.type !== 'normal' && index.type !== 'fulltext')) problems.push(`${where}: is ${found.unique ? '' : 'not '}unique in the database`)
    if (found.primary !== (index.type === 'id')) problems.push(`${where}: is ${found.primary ? '' : 'not '}the primary key in the database`)
    const method = (index.algorithm ?? 'BTree').toLowerCase()
    if (found.method !== method) problems.push(`${where}: uses ${found.method} in the database, ${method} in the schema`)
    if (found.partial) problems.push(`${where}: is partial in the database, which the schema cannot describe`)
    index.fields.forEach((f, n) => {
      if (found.descending[n] !== (f.sortOrder === 'desc')) problems.push(`${where}: column ${columns[n]} sorts ${found.descending[n] ? 'DESC' : 'ASC'} in the database`)
      if ((found.opclasses[n] ?? null) !== (f.operatorClass?.toLowerCase() ?? null)) {
        problems.push(`${where}: column ${columns[n]} uses operator class ${found.opclasses[n] ?? 'default'} in the database, ${f.operatorClass ?? 'default'} in the schema`)
      }
    })
  }
  for (const index of db.indexes) {
    if (matchedIndexes.has(index.name) || MIGRATOR_TABLES.has(index.table)) continue
    const known = KNOWN_EXTRA_INDEXES[index.name]
    if (known === undefined) problems.push(`index ${index.name}: in the database but neither in the schema nor in KNOWN_EXTRA_INDEXES (${index.definition})`)
    else if (known !== index.definition) problems.push(`index ${index.name}: is "${index.definition}" in the database, KNOWN_EXTRA_INDEXES says "${known}"`)
  }
  for (const name of Object.keys(KNOWN_EXTRA_INDEXES)) {
    if (!db.indexes.some((i) => i.name === name)) problems.push(`index ${name}: listed in KNOWN_EXTRA_INDEXES but missing from the database`)
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

const schemaText = readFileSync(SCHEMA_PATH, 'utf8')
let client: pg.Client
let dbName: string
let catalog: Catalog

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') })
  await admin.connect()
  try {
    return await fn(admin)
  } finally {
    await admin.end()
  }
}

beforeAll(async () => {
  // A truly empty database (template0), not the test template: what a fresh install migrates.
  dbName = `drift_${randomBytes(6).toString('hex')}`
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${dbName}" TEMPLATE template0`))
  const url = new URL(inject('pgAdminUrl'))
  url.pathname = `/${dbName}`
  const applied = await migrate(url.toString())
  expect(applied).toEqual(readMigrations().map((m) => m.name))
  client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  catalog = await readCatalog(client)
})

afterAll(async () => {
  await client?.end()
  if (dbName) await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`))
})

describe('prisma/schema.prisma and prisma/migrations', () => {
  it('describe the same tables, columns, enums, foreign keys and indexes', () => {
    const problems = compare(readDatamodel(schemaText), catalog, relationMapNames(schemaText))
    expect(problems, `schema.prisma and the migrations disagree:\n  ${problems.join('\n  ')}\n`).toEqual([])
  })

  it('compares something: every model has a table and every enum a type', () => {
    const dm = readDatamodel(schemaText)
    expect(dm.models.length).toBeGreaterThanOrEqual(7)
    for (const m of dm.models) expect(catalog.tables.has(m.dbName ?? m.name), m.name).toBe(true)
    for (const e of dm.enums) expect(catalog.enums.has(e.dbName ?? e.name), e.name).toBe(true)
    expect(catalog.foreignKeys.length).toBeGreaterThanOrEqual(8)
  })
})

/** Replaces `from` with `to` in the schema text, insisting that `from` is there. */
function mutate(from: string | RegExp, to: string): string {
  const out = schemaText.replace(from, to)
  expect(out, `mutation target ${String(from)} not found in schema.prisma`).not.toBe(schemaText)
  return out
}

describe('the schema drift check', () => {
  it.each([
    ['a VarChar length changes', () => mutate(/(parentCode\s+String\?\s+)@db\.VarChar\(12\)/, '$1@db.VarChar(13)'), /regions\.parentCode: type is character varying\(12\) in the database, character varying\(13\)/],
    ['a required field becomes optional', () => mutate(/(model Team \{[\s\S]*?\n\s+name\s+)String\n/, '$1String?\n'), /teams\.name: NOT NULL in the database, optional in the schema/],
    ['an optional field becomes required', () => mutate(/(\n\s+workUnit\s+)String\?/, '$1String'), /volunteers\.workUnit: nullable in the database, required/],
    ['a native type is dropped', () => mutate(/(tokenHash\s+String\s+@unique) @db\.Char\(64\)/, '$1'), /sessions\.tokenHash: type is character\(64\) in the database, text in the schema/],
    ['a literal default changes', () => mutate(/(capacity\s+Int\s+)@default\(1\)/, '$1@default(2)'), /volunteers\.capacity: default is 1 in the database, 2 in the schema/],
    ['an enum default changes', () => mutate(/@default\(draft\)/, '@default(submitted)'), /volunteers\.status: default is 'draft'::"VolunteerStatus"/],
    ['a default is removed', () => mutate(/(ethnicity\s+String\s+)@default\("汉族"\)/, '$1'), /children\.ethnicity: has default '汉族'::text in the database but none/],
    ['a list loses its empty default', () => mutate(/(needs\s+String\[\]\s+)@default\(\[\]\)/, '$1'), /children\.needs: has default ARRAY\[\]::text\[\]/],
    ['a field is added', () => mutate(/(\n\s+passwordHash\s+String\?\n)/, '$1  nickname String?\n'), /column users\.nickname: missing from the database/],
    ['a field is removed', () => mutate(/\n\s+workUnit\s+String\?\n/, '\n'), /column volunteers\.workUnit: in the database but not in model Volunteer/],
    ['a model is renamed with @@map', () => mutate('@@map("teams")', '@@map("team")'), /table team \(model Team\): missing[\s\S]*table teams: in the database but not in the schema/],
    ['an enum gains a value', () => mutate(/(enum Gender \{\s+male\s+female)/, '$1\n  other'), /enum Gender: values are \[male, female\] in the database, \[male, female, other\]/],
    ['enum values are reordered', () => mutate(/(enum HukouType \{\s+)rural(\s+)urban/, '$1urban$2rural'), /enum HukouType: values are \[rural, urban\] in the database, \[urban, rural\]/],
    ['an index is added', () => mutate(/(\n\s+@@map\("users"\))/, '\n  @@index([createdAt])$1'), /index users_createdAt_idx on users\(createdAt\): missing/],
    ['index columns are reordered', () => mutate('@@index([serviceRegionCode, status])', '@@index([status, serviceRegionCode])'), /index volunteers_status_serviceRegionCode_idx on volunteers\(status, serviceRegionCode\): missing[\s\S]*index volunteers_serviceRegionCode_status_idx: in the database but neither/],
    ['an index becomes unique', () => mutate(/(model Child \{[\s\S]*?)@@index\(\[villageCode\]\)/, '$1@@unique([villageCode])'), /unique index children_villageCode_key on children\(villageCode\): missing/],
    ['a relation\'s onDelete is removed', () => mutate(/(model Session \{[\s\S]*?references: \[id\]), onDelete: Cascade/, '$1'), /sessions_userId_fkey \(Session\.user\): ON DELETE Cascade in the database, Restrict in the schema/],
    ['a relation gains onUpdate', () => mutate(/(model Volunteer \{[\s\S]*?team\s+Team\?\s+@relation\(fields: \[teamId\], references: \[id\])/, '$1, onUpdate: Restrict'), /volunteers_teamId_fkey \(Volunteer\.team\): ON UPDATE Cascade in the database, Restrict/],
  ])('notices when %s in the schema', (_what, makeSchema, expected) => {
    const text = makeSchema()
    const problems = compare(readDatamodel(text), catalog, relationMapNames(text))
    expect(problems.join('\n')).toMatch(expected)
  })

  it.each([
    ['a column is added', `ALTER TABLE "teams" ADD COLUMN "motto" TEXT`, /column teams\.motto: in the database but not in model Team/],
    ['NOT NULL is dropped', `ALTER TABLE "sessions" ALTER COLUMN "expiresAt" DROP NOT NULL`, /sessions\.expiresAt: nullable in the database, required/],
    ['a column type changes', `ALTER TABLE "regions" ALTER COLUMN "name" TYPE VARCHAR(50)`, /regions\.name: type is character varying\(50\) in the database, text in the schema/],
    ['a list column is made NOT NULL', `ALTER TABLE "children" ALTER COLUMN "interests" SET NOT NULL`, /children\.interests: NOT NULL in the database, a list/],
    ['a stray index is created', `CREATE INDEX "users_displayName_idx" ON "users"("displayName")`, /index users_displayName_idx: in the database but neither in the schema nor in KNOWN_EXTRA_INDEXES/],
    ['a known extra index is dropped', `DROP INDEX "regions_code_pattern_idx"`, /regions_code_pattern_idx: listed in KNOWN_EXTRA_INDEXES but missing/],
    ['a unique index is dropped', `DROP INDEX "users_openid_key"`, /unique index users_openid_key on users\(openid\): missing from the database/],
    ['a table is created', `CREATE TABLE "scratch" ("id" INT PRIMARY KEY)`, /table scratch: in the database but not in the schema/],
    ['a foreign key is added', `ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_serviceRegionCode_fkey" FOREIGN KEY ("serviceRegionCode") REFERENCES "regions"("code")`, /foreign key volunteers_serviceRegionCode_fkey: volunteers\(serviceRegionCode\) → regions is in the database but not in the schema/],
    ['a foreign key action changes', `ALTER TABLE "teams" DROP CONSTRAINT "teams_leaderUserId_fkey", ADD CONSTRAINT "teams_leaderUserId_fkey" FOREIGN KEY ("leaderUserId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE`, /teams_leaderUserId_fkey \(Team\.leader\): ON DELETE Cascade in the database, Restrict in the schema/],
    ['a default changes', `ALTER TABLE "children" ALTER COLUMN "hukouType" SET DEFAULT 'urban'`, /children\.hukouType: default is 'urban'::"HukouType" in the database, "rural" in the schema/],
    ['an enum gains a value', `ALTER TYPE "Role" ADD VALUE 'auditor'`, /enum Role: values are \[.*auditor\] in the database/],
  ])('notices when %s in the database', async (_what, ddl, expected) => {
    await client.query('BEGIN')
    try {
      await client.query(ddl)
      const problems = compare(readDatamodel(schemaText), await readCatalog(client), relationMapNames(schemaText))
      expect(problems.join('\n')).toMatch(expected)
    } finally {
      await client.query('ROLLBACK')
    }
  })
})
