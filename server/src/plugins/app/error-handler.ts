/**
 * One error body for everything: `{ code, message, fields? }`. AppError carries its own code;
 * zod validation failures become VALIDATION_FAILED with field-level Chinese messages; Prisma's
 * unique-violation and not-found become CONFLICT / NOT_FOUND; a database that cannot be reached
 * is a 503 SERVICE_UNAVAILABLE with Retry-After (lib/db-unavailable.ts); anything else is a 500 whose
 * details stay in the log (with the request id), never in the reply.
 *
 * Fastify answers some requests before any route or hook runs: a URL it cannot decode
 * (FST_ERR_BAD_URL), an id longer than the router allows (FST_ERR_MAX_PARAM_LENGTH, 414). app.ts
 * hands those to `handleError` too (Fastify's `frameworkErrors`), so every answer has our shape.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { ERROR_MESSAGES, type ErrorCode } from '@qstx/shared'
import { AppError } from '../../lib/app-error'
import { DB_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../lib/db-unavailable'

export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message?: string, fields?: Record<string, string>) {
  return reply.status(status).send({ code, message: message ?? ERROR_MESSAGES[code], ...(fields ? { fields } : {}) })
}

// `any`: whatever was thrown — our AppError, zod's, Prisma's, pg's, Fastify's — is told apart by its shape below.
export function handleError(err: any, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.statusCode >= 500) request.log.warn({ code: err.code }, 'service error')
    return sendError(reply, err.statusCode, err.code, err.message, err.fields)
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: Record<string, string> = {}
    for (const issue of err.validation) {
      // instancePath is the zod issue's path ('/guardians/0/phone'); an issue about the whole part ('/') is named by the part.
      const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || err.validationContext || 'body'
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
}

/**
 * A request Node's HTTP parser rejects (bad request line, headers too large, too slow) never becomes
 * a Fastify request: answer it on the socket, in our shape, and close.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
  const body = JSON.stringify({ code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED })
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

export default fp(
  async (app) => {
    app.setErrorHandler(handleError)
  },
  { name: 'error-handler' },
)
