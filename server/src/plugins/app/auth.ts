/**
 * Authentication, in one onRequest hook: a Bearer token becomes `request.actor` (a ScopedActor
 * bound to the session's active role) or stays null. Routes that need a person call
 * `request.requireActor()`; which actions and rows that person may touch is policy.ts's business.
 */
import fp from 'fastify-plugin'
import { AppError } from '../../lib/app-error'
import { mintScopedActor, type ScopedActor } from '../../lib/actor'
import type { SessionRecord } from '../../modules/auth/repository'
import { activeRole, createSessionService, type SessionService } from '../../modules/auth/sessions'

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionService
  }
  interface FastifyRequest {
    /** The signed-in user's id, even without an active role. */
    userId: string | null
    sessionId: string | null
    /** The signed-in session with the user's live roles (what /api/me answers), from the session cache. */
    session: SessionRecord | null
    actor: ScopedActor | null
    requireActor(): ScopedActor
    requireUser(): { userId: string; sessionId: string }
  }
  interface FastifyContextConfig {
    /** The route checks a credential of its own in the Authorization header (the metrics token), not a session. */
    ownCredentials?: boolean
  }
}

export default fp(
  async (app) => {
    const sessions = createSessionService({ pool: app.pg, clock: app.clock, config: app.config, log: (m) => app.log.warn(m) })
    app.decorate('sessions', sessions)
    app.addHook('onClose', () => sessions.stop())

    app.decorateRequest('userId', null)
    app.decorateRequest('sessionId', null)
    app.decorateRequest('session', null)
    app.decorateRequest('actor', null)
    app.decorateRequest('requireActor', function () {
      if (this.actor) return this.actor
      throw new AppError(this.userId ? 'FORBIDDEN' : 'UNAUTHENTICATED')
    })
    app.decorateRequest('requireUser', function () {
      if (this.userId && this.sessionId) return { userId: this.userId, sessionId: this.sessionId }
      throw new AppError('UNAUTHENTICATED')
    })

    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization
      if (!header || request.routeOptions.config.ownCredentials) return
      const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header)
      if (!match) throw new AppError('UNAUTHENTICATED')
      const result = await app.sessions.resolve(match[1]!)
      if (!result.ok) throw new AppError(result.reason === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED')
      const { session } = result
      request.userId = session.userId
      request.sessionId = session.id
      request.session = session
      const role = activeRole(session)
      if (role) {
        request.actor = mintScopedActor({
          userId: session.userId,
          sessionId: session.id,
          displayName: session.displayName,
          roleAssignmentId: role.id,
          role: role.role,
          regionCode: role.regionCode,
          teamId: role.teamId,
        })
      }
    })
  },
  { name: 'auth', dependencies: ['prisma'] },
)
