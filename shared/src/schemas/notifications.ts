import { z } from 'zod'
import { IdSchema } from './common'

export const NotificationSchema = z
  .object({
    id: IdSchema,
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    page: z.string().nullable(),
    createdAt: z.iso.datetime(),
    read: z.boolean(),
  })
  .meta({ id: 'Notification' })
export type Notification = z.infer<typeof NotificationSchema>

export const NotificationListResponseSchema = z
  .object({ items: z.array(NotificationSchema), unread: z.number().int() })
  .meta({ id: 'NotificationList' })

/** Template ids the mini-program asks the user to accept (wx.requestSubscribeMessage) on a tap. */
export const SubscribeTemplatesResponseSchema = z.object({ templateIds: z.array(z.string()) }).meta({ id: 'SubscribeTemplates' })
