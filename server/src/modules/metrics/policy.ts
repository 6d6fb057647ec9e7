/**
 * Who may read the metrics: Prometheus on this machine, or one that presents METRICS_TOKEN. Route
 * names, error rates and queue depths tell an outsider how the service is doing and where it hurts,
 * so nothing else may. A request that came through a proxy (it carries a forwarding header) is not
 * "this machine" even when the proxy connects over loopback: a reverse proxy on the same host would
 * otherwise make every visitor local.
 */
import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../lib/app-error'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

export function assertMayScrape(request: FastifyRequest, token: string | undefined): void {
  const header = request.headers.authorization
  if (token && header) {
    const given = Buffer.from(header)
    const wanted = Buffer.from(`Bearer ${token}`)
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return
    throw new AppError('FORBIDDEN', '监控令牌不正确')
  }
  const forwarded = request.headers['x-forwarded-for'] ?? request.headers.forwarded ?? request.headers['x-real-ip']
  if (!forwarded && LOOPBACK.test(request.socket.remoteAddress ?? '')) return
  throw new AppError('FORBIDDEN', '运行指标只能从本机或凭监控令牌读取')
}
