/**
 * Structured logs (pino) with request ids. Children's and volunteers' personal data must never
 * reach a log: known sensitive keys are redacted wherever they appear, request bodies are never
 * logged, and URLs carry no personal data by design (ids only).
 */
import type { FastifyServerOptions } from 'fastify'
import type { Config } from '../config'

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.token',
  '*.password',
  '*.name',
  '*.realName',
  '*.displayName',
  '*.idNumber',
  '*.phone',
  '*.phoneNumber',
  '*.address',
  '*.*.token',
  '*.*.idNumber',
  '*.*.phone',
  '*.*.address',
]

export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>): FastifyServerOptions['logger'] {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // Only method, path without query string, and the request id: queries may hold search terms.
      req: (req) => ({ method: req.method, url: String(req.url).split('?')[0], reqId: req.id }),
    },
  }
}
