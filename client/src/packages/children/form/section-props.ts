import type { ChildForm } from './state'

export interface SectionProps {
  form: ChildForm
  /** Change some fields. */
  update: (patch: Partial<ChildForm>) => void
  /** Replace the whole form (e.g. a new ID number also sets birth date and sex). */
  set: (form: ChildForm) => void
  /** Field errors by path: `name`, `guardians.0.phone`, `consent.relation`, … */
  errors: Readonly<Record<string, string | undefined>>
  /** Today in China, YYYY-MM-DD. */
  today: string
}

export const YES_NO = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
] as const
