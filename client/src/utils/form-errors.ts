import type { z } from 'zod'
import { isApiError } from '../api/api-error'

export type FieldErrors = Partial<Record<string, string>>

/** The first message per top-level field of a failed parse (the shared schemas speak Chinese). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form')
    fields[key] ??= issue.message
  }
  return fields
}

/** Field errors the server sent back (`fields` of the error body), e.g. USERNAME_TAKEN → username. */
export const serverFieldErrors = (error: unknown): FieldErrors => (isApiError(error) ? { ...error.fields } : {})
