import type { VolunteerFieldsBody, VolunteerProfile } from '@qstx/shared'
import type { FieldErrors } from '../../../../utils/form-errors'

export interface StepProps {
  /** null before the first save (nothing on the server yet). */
  profile: VolunteerProfile | null
  /** Saves these fields and goes on; null when nothing changed (just go on). */
  onNext: (body: VolunteerFieldsBody | null) => void
  /** Field problems the server reported for the last save (by server field name). */
  serverErrors: FieldErrors
  saving: boolean
  /** The main button: 下一步 in the wizard, 保存 when one section is edited. */
  next: { id: string; label: string }
  /** Editing a submitted or approved profile (not the wizard). */
  editing: boolean
}
