/**
 * /api/exports — the ledgers and the annual report as files.
 *   GET /child-ledger.xlsx | /child-ledger.pdf | /pairing-ledger.xlsx | /annual-report.xlsx
 *     200 with the file streamed, or — for more than EXPORT_DIRECT_MAX rows — 202 with the
 *     background export (Location: /api/exports/:id). Asking again while it runs answers the same one.
 *   GET /:id               the background export's status, progress and (when done) its link
 *   GET /download/:token   the file, through the link (no sign-in: the token is the credential)
 * Exports are limited to EXPORTS_PER_MINUTE per person across all four (they are heavy, and a
 * burst of them looks like someone copying the county's files); downloads only by the global limit.
 */
import { PassThrough } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  AnnualReportQuerySchema, ChildLedgerQuerySchema, EXPORTS_PER_MINUTE, ErrorResponseSchema, ExportJobSchema, IdSchema, PairingLedgerQuerySchema,
} from '@qstx/shared'
import { AppError } from '../../lib/app-error'
import { auditContext } from '../../lib/audit'
import { createExportService, type FileAnswer, type JobAnswer } from './service'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 429: ErrorResponseSchema, 503: ErrorResponseSchema }
const secured = { security: [{ bearer: [] }], tags: ['exports'] }
const FileSchema = z.string().meta({ description: 'The file (XLSX or PDF), streamed', format: 'binary' })
const fileOrJob = { 200: FileSchema, 202: ExportJobSchema, ...errors }

/** RFC 6266/5987: an ASCII fallback and the real (Chinese) name, so every browser saves it right. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

function sendFile(reply: FastifyReply, file: Pick<FileAnswer, 'fileName' | 'contentType'>, body: NodeJS.ReadableStream) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    // Personal data: never kept by a browser or proxy cache.
    .header('cache-control', 'no-store')
    .send(body)
}

function answer(request: FastifyRequest, reply: FastifyReply, result: FileAnswer | JobAnswer) {
  if (result.kind === 'job') return reply.status(202).header('location', `/api/exports/${result.job.id}`).send(result.job)
  const body = new PassThrough()
  result.write(body).catch((err: Error) => {
    request.log.error({ err: { type: err.name } }, 'export failed while streaming')
    body.destroy(err)
  })
  return sendFile(reply, result, body)
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const exports = createExportService({ prisma: app.prisma, clock: app.clock, keyring: app.keyring })
  const limiter = app.createRateLimit({ max: EXPORTS_PER_MINUTE, timeWindow: '1 minute', keyGenerator: (request) => request.actor?.userId ?? request.ip })
  const limited = {
    preHandler: async (request: FastifyRequest) => {
      const r = await limiter(request)
      if (!r.isAllowed && r.isExceeded) throw new AppError('RATE_LIMITED', `导出太频繁：每人每分钟最多${EXPORTS_PER_MINUTE}次，请稍后再试`)
    },
  }

  app.get(
    '/child-ledger.xlsx',
    { ...limited, schema: { ...secured, summary: 'The child ledger (个人信息台账) of a region and year as XLSX: a sheet per child like the paper form, and a table (audited)', querystring: ChildLedgerQuerySchema, response: fileOrJob } },
    async (request, reply) => answer(request, reply, await exports.childLedger(request.requireActor(), 'xlsx', request.query, auditContext(request))),
  )

  app.get(
    '/child-ledger.pdf',
    { ...limited, schema: { ...secured, summary: 'The child ledger as a printable PDF, one form per child (audited)', querystring: ChildLedgerQuerySchema, response: fileOrJob } },
    async (request, reply) => answer(request, reply, await exports.childLedger(request.requireActor(), 'pdf', request.query, auditContext(request))),
  )

  app.get(
    '/pairing-ledger.xlsx',
    { ...limited, schema: { ...secured, summary: 'The pairing ledger (结对台账) of a region as XLSX, columns as your field rights allow (audited)', querystring: PairingLedgerQuerySchema, response: fileOrJob } },
    async (request, reply) => answer(request, reply, await exports.pairingLedger(request.requireActor(), request.query, auditContext(request))),
  )

  app.get(
    '/annual-report.xlsx',
    { ...limited, schema: { ...secured, summary: 'The annual progress report (工作进展情况) as XLSX', querystring: AnnualReportQuerySchema, response: { 200: FileSchema, ...errors } } },
    async (request, reply) => answer(request, reply, await exports.annualReport(request.requireActor(), request.query, auditContext(request))),
  )

  app.get(
    '/:id',
    { schema: { ...secured, summary: 'My background export: status, progress, rows, and its download link while it lives', params: z.strictObject({ id: IdSchema }), response: { 200: ExportJobSchema, ...errors } } },
    async (request) => exports.status(request.requireUser(), request.params.id),
  )

  app.get(
    '/download/:token',
    {
      schema: {
        tags: ['exports'],
        summary: 'Download a background export through its single-purpose link (valid one hour; audited)',
        params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: '下载链接不正确' }) }),
        response: { 200: FileSchema, ...errors },
      },
    },
    async (request, reply) => {
      const file = await exports.download(request.params.token, auditContext(request))
      if (file.size) reply.header('content-length', file.size)
      return sendFile(reply, file, file.stream)
    },
  )
}
export default routes
