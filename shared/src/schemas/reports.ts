/**
 * Ledgers, exports, the annual progress report and the dashboards (issue #10). Files themselves
 * (XLSX, PDF) are not JSON; these are the queries that ask for them, the background export's
 * status, and the figures the dashboard page and the annual report page show.
 */
import { z } from 'zod'
import { REGION_LEVELS } from '../regions'
import { VOLUNTEER_KINDS } from '../volunteers/options'
import { ACTIVITY_KINDS } from '../care/activities'
import { HOLIDAY_KINDS } from '../care/holidays'
import { IdSchema, RegionCodeSchema } from './common'

const Year = z.coerce.number().int().min(2000).max(2100)
const Count = z.number().int().min(0)
const DateOnly = z.iso.date()

/**
 * XLSX layouts of the child ledger: `sheets` — one sheet per child laid out like the paper form;
 * `table` — one row per child, the form's labels as columns; `both` — the table first, then a sheet
 * per child. `auto` is `both` up to EXPORT_SHEETS_MAX children and `table` beyond (tens of
 * thousands of sheets are more than any spreadsheet program opens).
 */
export const LEDGER_LAYOUTS = ['auto', 'both', 'table', 'sheets'] as const
export type LedgerLayout = (typeof LEDGER_LAYOUTS)[number]

/** Exports of more children than this run as a background job with a download link. */
export const EXPORT_DIRECT_MAX = 2_000
/** A sheet per child (XLSX) or a page per child (PDF) for at most this many children at once. */
export const EXPORT_SHEETS_MAX = 2_000
/** Exports per person per minute. */
export const EXPORTS_PER_MINUTE = 10
/** How long a background export's download link (and the file behind it) lives. */
export const EXPORT_LINK_TTL_MINUTES = 60

export const ChildLedgerQuerySchema = z.strictObject({
  /** Default: the viewer's own region. */
  regionCode: RegionCodeSchema.optional(),
  /** Default: this year (China). An archived year exports the files as they were handed over. */
  year: Year.optional(),
  layout: z.enum(LEDGER_LAYOUTS).default('auto'),
  /** One child only (a printable PDF of one file). */
  childId: IdSchema.optional(),
})
export type ChildLedgerQuery = z.infer<typeof ChildLedgerQuerySchema>

export const PairingLedgerQuerySchema = z.strictObject({
  regionCode: RegionCodeSchema.optional(),
  /** Only pairings that were under way at some point of this year; default every pairing. */
  year: Year.optional(),
})
export type PairingLedgerQuery = z.infer<typeof PairingLedgerQuerySchema>

export const AnnualReportQuerySchema = z.strictObject({ regionCode: RegionCodeSchema.optional(), year: Year.optional() })
export type AnnualReportQuery = z.infer<typeof AnnualReportQuerySchema>

export const EXPORT_KINDS = ['child_ledger', 'pairing_ledger', 'annual_report'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = { child_ledger: '儿童个人信息台账', pairing_ledger: '结对台账', annual_report: '年度工作进展情况' }
export const EXPORT_FORMATS = ['xlsx', 'pdf'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]
export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = { queued: '排队中', running: '正在生成', done: '已完成', failed: '生成失败', expired: '下载链接已过期' }

/** A background export: GET /api/exports/:id, and the 202 answer that started it. */
export const ExportJobSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(EXPORT_KINDS),
    format: z.enum(EXPORT_FORMATS),
    status: z.enum(EXPORT_STATUSES),
    /** 0–100. */
    progress: z.number().int().min(0).max(100),
    /** Rows (children or pairings) the file will hold, and how many are written. */
    rows: Count,
    rowsDone: Count,
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    /** While the link lives: a single-purpose URL, no sign-in needed, valid until `expiresAt`. */
    download: z.object({ url: z.string(), expiresAt: z.iso.datetime(), fileName: z.string() }).nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'ExportJob' })
export type ExportJob = z.infer<typeof ExportJobSchema>

// ── dashboard ─────────────────────────────────────────────────────────────────────────────────

export const DashboardQuerySchema = z.strictObject({ regionCode: RegionCodeSchema.optional() })

const RegionRef = z.object({ code: RegionCodeSchema, name: z.string(), level: z.enum(REGION_LEVELS) })

/** The figures of one region: the whole one asked for, and each region one level down. */
export const DashboardFiguresSchema = z
  .object({
    /** Open files. */
    children: Count,
    leftBehind: Count,
    inDifficulty: Count,
    /** Priority for pairing (DOMAIN.md): seriously ill/disabled poor, orphans, de-facto unsupported, relocation. */
    priority: Count,
    /** Priority children in an active or paused pairing. */
    priorityPaired: Count,
    /** priorityPaired / priority in percent (one decimal); null when there are no priority children. */
    priorityPairedPct: z.number().nullable(),
    /** Open files with a director's contact or visit, or a confirmed love-parent check-in, this calendar month. */
    visitedThisMonth: Count,
    activePairings: Count,
    /** Files whose director contact or home visit is overdue (the duty calendar's rule). */
    overdueVisits: Count,
    dueSoonVisits: Count,
    /** Active pairings without a confirmed love-parent contact for 60 days. */
    staleContacts: Count,
    openReports: Count,
    /** Confirmed love-parent check-ins this year (check-ins, issue #8). */
    checkins: Count,
    // ── issue #17: entrusted care, water safety, directors, activities, concerns ──
    /** Entrusted carers overdue for the yearly re-assessment, and findings whose follow-up is still open. */
    entrustedOverdue: Count,
    entrustedFollowUps: Count,
    /** Open files flagged near water, and those given the talk of `waterWindow` (the holiday in force or the last one). */
    nearWater: Count,
    waterSafetyCovered: Count,
    /** Villages without a director, or over 30 served children with only one. */
    villagesNeedingDirector: Count,
    /** Directors of the region, and those with no training on record this year (每年培训全覆盖). */
    directors: Count,
    directorsUntrained: Count,
    /** Care activities held this year, and the villages (with open files) that had no safety-knowledge visit yet. */
    activities: Count,
    villagesWithoutSafetyVisit: Count,
    /** Psychological concerns not yet closed. */
    openConcerns: Count,
  })
  .meta({ id: 'DashboardFigures' })

/** The holiday a water-safety figure refers to. */
export const WaterCoverageWindowSchema = z.object({
  key: z.string(),
  holidayKind: z.enum(HOLIDAY_KINDS),
  label: z.string(),
  opensOn: DateOnly,
  closesOn: DateOnly,
  provisional: z.boolean(),
})
export type DashboardFigures = z.infer<typeof DashboardFiguresSchema>

export const DashboardSchema = z
  .object({
    region: RegionRef,
    /** From the viewer's own region down to this one: the drill-down's way back. */
    path: z.array(RegionRef),
    today: DateOnly,
    /** When these figures were counted (they are reused for up to half a minute). */
    generatedAt: z.iso.datetime(),
    totals: DashboardFiguresSchema,
    /** One level down (county → townships → villages); empty for a village. */
    subregions: z.array(RegionRef.extend({ figures: DashboardFiguresSchema })),
    /** Confirmed check-ins per month of this year (check-ins, issue #8; zeros until they exist). */
    checkinsByMonth: z.array(z.object({ month: z.string(), count: Count, hours: z.number() })),
    /** The holiday whose water-safety coverage the figures show; null where no school calendar is entered. */
    waterWindow: WaterCoverageWindowSchema.nullable(),
  })
  .meta({ id: 'Dashboard' })
export type Dashboard = z.infer<typeof DashboardSchema>

// ── annual progress report ───────────────────────────────────────────────────────────────────

const DoneDue = z.object({ done: Count, due: Count })

export const AnnualReportSchema = z
  .object({
    region: RegionRef,
    year: z.number().int(),
    /** The figures run to the end of the year, or to today while the year lasts. */
    asOf: DateOnly,
    /** The province's reporting deadline for this year, if it has one. */
    deadline: DateOnly.nullable(),
    children: z.object({
      total: Count,
      leftBehind: Count,
      inDifficulty: Count,
      difficultyPoverty: Count,
      difficultyDisability: Count,
      difficultyGuardianship: Count,
      singleParent: Count,
      priority: Count,
    }),
    pairings: z.object({
      /** Priority children with a pairing under way at some point of the year. */
      priorityCovered: Count,
      priorityCoveredPct: z.number().nullable(),
      started: Count,
      ended: Count,
      activeAtEnd: Count,
    }),
    directorVisits: z.object({ homeVisits: DoneDue, contacts: DoneDue, overdueNow: Count }),
    checkins: z.object({ confirmed: Count, hours: z.number() }),
    safeguarding: z.object({ received: Count, closed: Count, openNow: Count }),
    volunteers: z.object({ total: Count, approvedInYear: Count, byKind: z.record(z.enum(VOLUNTEER_KINDS), Count) }),
    /** Service hours as recorded on the platform (平台记录, not certificates under 民政部令第67号): check-ins and activities. */
    platformHours: z.number(),
    entrustedCare: z.object({
      /** Open files of the year with a carer to assess, and how many of them were assessed during it. */
      arrangements: Count,
      assessed: Count,
      /** Assessments finding the carer lacking or neglectful; the steps that followed. */
      findings: Count,
      parentsNotified: Count,
      carersSupported: Count,
      carersChanged: Count,
    }),
    waterSafety: z.object({
      /** Each holiday of the year: near-water files open in its window, and those given the talk. */
      windows: z.array(WaterCoverageWindowSchema.extend({ listed: Count, covered: Count })),
    }),
    directors: z.object({ total: Count, trained: Count, trainedPct: z.number().nullable(), villagesNeedingDirector: Count }),
    activities: z.object({
      total: Count,
      byKind: z.record(z.enum(ACTIVITY_KINDS), Count),
      childrenReached: Count,
      /** Confirmed hours of volunteers at activities (included in platformHours). */
      volunteerHours: z.number(),
      /** Villages with open files, and those that had a safety-knowledge visit (每年至少一次). */
      villages: Count,
      villagesWithSafetyVisit: Count,
    }),
    concerns: z.object({ recorded: Count, children: Count, referred: Count, closed: Count }),
  })
  .meta({ id: 'AnnualReport' })
export type AnnualReport = z.infer<typeof AnnualReportSchema>
