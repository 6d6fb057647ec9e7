import { ErrorResponseSchema } from '@qstx/shared'

export const childErrors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema }
export const childSecured = { security: [{ bearer: [] }], tags: ['children'] }
