import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { RegionChildrenParamsSchema, RegionListResponseSchema, RegionSchema, ErrorResponseSchema } from '@qstx/shared'
import { notFound } from '../../lib/app-error'
import * as repo from './repository'

/**
 * The administrative division tree is public reference data (GB/T 2260): pickers in sign-up forms
 * use it before the person has any role, so it needs no sign-in.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:code',
    { schema: { tags: ['regions'], summary: 'One region', params: RegionChildrenParamsSchema, response: { 200: RegionSchema, 404: ErrorResponseSchema } } },
    async (request) => (await repo.findRegion(app.prisma, request.params.code)) ?? Promise.reject(notFound()),
  )
  app.get(
    '/:code/children',
    { schema: { tags: ['regions'], summary: 'The regions directly inside a region', params: RegionChildrenParamsSchema, response: { 200: RegionListResponseSchema } } },
    async (request) => ({ items: await repo.listChildRegions(app.prisma, request.params.code) }),
  )
}
export default routes
