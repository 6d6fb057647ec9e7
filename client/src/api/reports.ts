import Taro from '@tarojs/taro'
import { useQuery } from '@tanstack/react-query'
import { AnnualReportSchema, DashboardSchema, ErrorResponseSchema, ExportJobSchema, type ExportJob } from '@qstx/shared'
import { ApiError, errorFromStatus, networkError } from './api-error'
import { request } from './http'
import { getToken } from './session'

// Query keys of this feature (kept beside it; all start with 'reports' so one prefix refreshes them).
export const reportKeys = {
  dashboard: (regionCode: string) => ['reports', 'dashboard', regionCode] as const,
  annual: (regionCode: string, year: number) => ['reports', 'annual', regionCode, year] as const,
  exportJob: (id: string) => ['reports', 'export', id] as const,
}

const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as Array<[string, string | number]>
  return entries.length ? `?${entries.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}` : ''
}

/** The figures of a region inside mine ('' = my own region) and of each region one level down. */
export const useDashboard = (regionCode: string) =>
  useQuery({ queryKey: reportKeys.dashboard(regionCode), queryFn: () => request(`/api/dashboard${query({ regionCode })}`, DashboardSchema) })

export const useAnnualReport = (regionCode: string, year: number) =>
  useQuery({ queryKey: reportKeys.annual(regionCode, year), queryFn: () => request(`/api/reports/annual${query({ regionCode, year })}`, AnnualReportSchema) })

/** A background export, polled while it is being made. */
export const useExportJob = (id: string | null) =>
  useQuery({
    queryKey: reportKeys.exportJob(id ?? ''),
    queryFn: () => request(`/api/exports/${encodeURIComponent(id!)}`, ExportJobSchema),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 1500 : false),
  })

export type ExportPath = 'child-ledger.xlsx' | 'child-ledger.pdf' | 'pairing-ledger.xlsx' | 'annual-report.xlsx'

/** Either the file came straight back (saved or opened), or it is being made in the background. */
export type ExportOutcome = { kind: 'file'; fileName: string } | { kind: 'job'; job: ExportJob }

const API_BASE = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '')

/** The name from Content-Disposition (the UTF-8 form first: the names are Chinese). */
function fileNameOf(disposition: string | undefined, fallback: string): string {
  const utf8 = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1]
  if (utf8) return decodeURIComponent(utf8)
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback
}

const json = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function failure(status: number, body: unknown): ApiError {
  const parsed = ErrorResponseSchema.safeParse(body)
  return parsed.success ? new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.fields) : errorFromStatus(status)
}

function jobOf(status: number, body: unknown): ExportOutcome {
  const job = ExportJobSchema.safeParse(body)
  if (status === 202 && job.success) return { kind: 'job', job: job.data }
  throw failure(status, body)
}

/**
 * Asks for an export. Files are binary, so this is the one request that does not go through
 * http.ts's JSON path: on H5 the reply is read as bytes and saved through a link with `download`;
 * on weapp it is downloaded to a temporary file and opened (WeChat shows Excel and PDF files and
 * offers to send them on). A 202 carries the background export to watch instead.
 */
export async function requestExport(path: ExportPath, params: Record<string, string | number | undefined>): Promise<ExportOutcome> {
  const url = `${API_BASE}/api/exports/${path}${query(params)}`
  const header: Record<string, string> = {}
  const token = getToken()
  if (token) header.Authorization = `Bearer ${token}`
  const fallback = path.replace('.', '-')
  if (process.env.TARO_ENV === 'h5') {
    let res: Taro.request.SuccessCallbackResult<ArrayBuffer>
    try {
      res = await Taro.request<ArrayBuffer>({ url, method: 'GET', header, responseType: 'arraybuffer', dataType: '其他', timeout: 120_000 })
    } catch {
      throw networkError()
    }
    const headers = res.header as Record<string, string | undefined>
    if (res.statusCode !== 200) return jobOf(res.statusCode, json(new TextDecoder().decode(res.data)))
    const fileName = fileNameOf(headers['content-disposition'] ?? headers['Content-Disposition'], fallback)
    saveInBrowser(res.data, fileName, headers['content-type'] ?? headers['Content-Type'] ?? 'application/octet-stream')
    return { kind: 'file', fileName }
  }
  let res: Taro.downloadFile.FileSuccessCallbackResult
  try {
    res = await Taro.downloadFile({ url, header })
  } catch {
    throw networkError()
  }
  if (res.statusCode !== 200) {
    const text = Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8') as string
    return jobOf(res.statusCode, json(text))
  }
  await openOnPhone(res.tempFilePath, path.endsWith('.pdf') ? 'pdf' : 'xlsx')
  return { kind: 'file', fileName: fallback }
}

/** A background export's file, through its single-purpose link (no sign-in needed for it). */
export async function downloadReady(job: ExportJob): Promise<void> {
  if (!job.download) return
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = job.download.url
    a.download = job.download.fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  const res = await Taro.downloadFile({ url: `${API_BASE}${job.download.url}` })
  if (res.statusCode !== 200) throw errorFromStatus(res.statusCode)
  await openOnPhone(res.tempFilePath, job.format)
}

function saveInBrowser(data: ArrayBuffer, fileName: string, type: string): void {
  const href = URL.createObjectURL(new Blob([data], { type }))
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

function openOnPhone(filePath: string, fileType: 'xlsx' | 'pdf'): Promise<unknown> {
  return Taro.openDocument({ filePath, fileType, showMenu: true })
}
