/**
 * What every part of the children service shares: its dependencies, "today" in China, and the
 * step from a stored file to the views and the eligibility hints.
 */
import { chinaDate, eligibilityWarnings } from '@qstx/shared'
import type pg from 'pg'
import type { Db, Tx } from '../../db/prisma'
import type { Clock } from '../../lib/clock'
import type { Keyring } from '../../lib/crypto'
import { AppError } from '../../lib/app-error'
import type { ChildFile } from './file'
import { pairingStatusOf } from './pairing'
import * as repo from './repository'
import { candidate } from './views'

export interface ChildDeps {
  prisma: Db
  /** The pool under `prisma`, for the one-statement reads (db/sql.ts). */
  pg: pg.Pool
  clock: Clock
  keyring: Keyring
}

export const todayIn = (clock: Clock) => chinaDate(clock.now())

/** Midnight of 1 January of `year` in China (UTC+8), as an instant. */
export const yearStartsAt = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000)

/** `today` may be moved back (an archived year is viewed as it stood at the end of that year). */
export async function candidateOf(tx: Tx, deps: ChildDeps, file: ChildFile, extra: { directorName?: string } = {}, today = todayIn(deps.clock)) {
  const [names, paired] = await Promise.all([repo.regionNames(tx, [file.villageCode]), pairingStatusOf(tx, [file.id])])
  return candidate(file, {
    keyring: deps.keyring,
    today,
    villageName: names.get(file.villageCode)!,
    pairingStatus: paired.get(file.id)!,
    ...extra,
  })
}

export function warningsOf(file: ChildFile, today: string) {
  return eligibilityWarnings(
    {
      categories: file.categories,
      difficultyKinds: file.difficultyKinds,
      birthDate: file.birthDate,
      hukouType: file.hukouType,
      father: file.father,
      mother: file.mother,
      healthStatus: file.health.status,
      assistance: file.assistance,
      familySubsidies: file.familySubsidies,
      guardianship: file.guardianship,
    },
    today,
  )
}

/**
 * The ID number is already on file. Elsewhere: the director learns nothing about that file — not
 * its village, not its name — only that a transfer request is the way. In their own village they
 * may be told so, since they can see the file anyway.
 */
export function alreadyRegistered(existingVillage: string, ownVillage: string): AppError {
  return existingVillage === ownVillage
    ? new AppError('CHILD_ALREADY_REGISTERED', '本村已为该儿童建档，请在儿童名单中查找并修改')
    : new AppError('CHILD_ALREADY_REGISTERED')
}
