/**
 * One log line per request: Fastify's "request completed" (method, path without the query string
 * — see logger.ts — status, time, request id). Its "incoming request" line, a second write per
 * request on the hot paths, is logged at debug level only (a no-op at the default `info`), for
 * following a request that never completes.
 */
import { LogController } from 'fastify'

export class OneLinePerRequest extends LogController {
  override incomingRequest(request: Parameters<LogController['incomingRequest']>[0]): void {
    if (this.isLogDisabled(request)) return
    request.log.debug({ req: request }, 'incoming request')
  }
}
