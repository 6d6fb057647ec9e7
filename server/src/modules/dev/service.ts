/**
 * Demo and test sign-in without WeChat or passwords. Registered only outside production
 * (modules/index.ts), and a test proves the routes are absent there.
 */
import { ROLE_LABELS, type DevLoginBody, type Persona } from '@qstx/shared'
import type { Db } from '../../db/prisma'
import { AppError } from '../../lib/app-error'
import { PERSONAS } from '../../seed/personas'
import type { SessionService } from '../auth/sessions'
import * as repo from './repository'

const DESCRIPTIONS = new Map(PERSONAS.map((p) => [p.key, p.description]))

export async function listPersonas(prisma: Db): Promise<Persona[]> {
  const users = await repo.listDemoUsers(prisma)
  const names = new Map((await repo.regionNames(prisma, users.flatMap((u) => u.roles.map((r) => r.regionCode)))).map((r) => [r.code, r.name]))
  return users.flatMap((u) => {
    const role = u.roles[0]
    if (!role || !u.username) return []
    return [{
      key: u.username,
      name: u.displayName,
      role: role.role,
      regionCode: role.regionCode,
      regionName: names.get(role.regionCode) ?? role.regionCode,
      description: DESCRIPTIONS.get(u.username) ?? ROLE_LABELS[role.role],
    }]
  })
}

export async function devLogin(prisma: Db, sessions: SessionService, body: DevLoginBody) {
  return prisma.$transaction(async (tx) => {
    if ('persona' in body) {
      const user = await repo.findUserByUsername(tx, body.persona)
      if (!user || user.disabledAt || !body.persona.startsWith('demo.')) throw new AppError('PERSONA_NOT_FOUND')
      return sessions.open(tx, user.id, user.roles[0]?.id ?? null)
    }
    // Any role in any region: tests use this for the authorization matrix (sibling and parent regions).
    if (!(await tx.region.findUnique({ where: { code: body.regionCode } }))) throw new AppError('NOT_FOUND', '没有这个地区')
    const assignment =
      (await repo.findAssignment(tx, body.role, body.regionCode)) ??
      (await repo.createUserWithRole(tx, `测试${ROLE_LABELS[body.role]}`, body.role, body.regionCode))
    return sessions.open(tx, assignment.userId, assignment.id)
  })
}
