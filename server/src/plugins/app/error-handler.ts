/**
 * One error body for everything: `{ code, message, fields? }`. AppError carries its own code;
 * zod validation failures become VALIDATION_FAILED with field-level Chinese messages; Prisma's
 * unique-violation and not-found become CONFLICT / NOT_FOUND; a database that cannot be reached
 * is a 503 SERVICE_UNAVAILABLE with Retry-After (lib/db-unavailable.ts); anything else is a 500 whose
 * details stay in the log (with the request id), never in the reply.
 */
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { ERROR_MESSAGES, type ErrorCode } from '@qstx/shared'
import { AppError } from '../../lib/app-error'
import { DB_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../lib/db-unavailable'

export function sendError(reply: import('fastify').FastifyReply, status: number, code: ErrorCode, message?: string, fields?: Record<string, string>) {
  return reply.status(status).send({ code, message: message ?? ERROR_MESSAGES[code], ...(fields ? { fields } : {}) })
}

export default fp(
  async (app) => {
    app.setErrorHandler((err: any, request, reply) => {
      if (err instanceof AppError) {
        if (err.statusCode >= 500) request.log.warn({ code: err.code }, 'service error')
        return sendError(reply, err.statusCode, err.code, err.message, err.fields)
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const fields: Record<string, string> = {}
        for (const issue of err.validation) {
          const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || (issue.params as any)?.issue?.path?.join('.') || err.validationContext || 'body'
          fields[path] ??= issue.message ?? '格式不正确'
        }
        return sendError(reply, 400, 'VALIDATION_FAILED', undefined, fields)
      }
      if (isResponseSerializationError(err)) {
        request.log.error({ err: { message: 'response did not match its schema', issues: err.cause.issues.map((i) => i.path.join('.')) } }, 'response schema violation')
        return sendError(reply, 500, 'INTERNAL_ERROR')
      }
      // P2002 from Prisma, 23505 (unique_violation) from the hot paths' own SQL (db/sql.ts).
      if (err?.code === 'P2002' || err?.code === '23505') return sendError(reply, 409, 'CONFLICT')
      if (err?.code === 'P2025') return sendError(reply, 404, 'NOT_FOUND')
      if (err?.statusCode === 429) return sendError(reply, 429, 'RATE_LIMITED')
      if (err?.statusCode === 413 || err?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'PAYLOAD_TOO_LARGE')
      if (err?.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        // Fastify's own 4xx (malformed JSON, wrong content type): the client sent something unreadable.
        return sendError(reply, err.statusCode, err.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED')
      }
      if (isDatabaseUnavailable(err)) {
        // PostgreSQL is down or restarting: not a bug, and a retry will work — phones keep the request queued.
        request.log.warn({ err: { type: err?.name, code: err?.code } }, 'database unavailable')
        reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS))
        return sendError(reply, 503, 'SERVICE_UNAVAILABLE')
      }
      // Only the error's class and message reach the log: a Prisma error message can quote values.
      request.log.error({ err: { type: err?.name, code: err?.code, frames: err?.stack?.split('\n').slice(1, 7).join('\n') } }, 'unhandled error')
      return sendError(reply, 500, 'INTERNAL_ERROR')
    })
  },
  { name: 'error-handler' },
)
