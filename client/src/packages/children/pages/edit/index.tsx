import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CreateChildBodySchema, UpdateChildBodySchema, roleCan, type ChildFullView, type EligibilityWarningCode } from '@qstx/shared'
import { isApiError } from '../../../../api/api-error'
import { useChild, useCreateChild, useUpdateChild } from '../../../../api/children'
import ErrorState from '../../../../components/ErrorState'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { todayInChina } from '../../../../utils/format'
import DuplicateNotice from '../../components/DuplicateNotice'
import SavedResult from '../../components/SavedResult'
import { idNumberProblem } from '../../form/sections-a'
import { SECTIONS, formErrors, sectionOf } from '../../form/sections'
import { emptyForm, fromFile, toBody, type ChildForm } from '../../form/state'
import { useWideScreen } from '../../use-wide-screen'
import './index.scss'

type Errors = Record<string, string>
type Saved = { child: ChildFullView; warnings: Array<{ code: EligibilityWarningCode; message: string }> }

/**
 * Register a child (no id) or edit a file (?id=). On a phone one section per screen with a progress
 * line; on a desk every section on one long page. The shared schema is the only check; a failed
 * one opens the section that holds the field.
 */
export default function ChildEditPage() {
  useRequireLogin()
  const { id = '' } = useRouter().params
  const editing = id !== ''
  const today = todayInChina()
  const me = useMe()
  const file = useChild(id, editing)
  const wide = useWideScreen()
  const create = useCreateChild()
  const update = useUpdateChild(id)
  const [form, setForm] = useState<ChildForm | null>(editing ? null : emptyForm(today))
  const [step, setStep] = useState(0)
  const [errors, setErrors] = useState<Errors>({})
  const [saved, setSaved] = useState<Saved | null>(null)
  const [duplicate, setDuplicate] = useState<{ idNumber: string; message: string } | null>(null)
  const loaded = file.data?.view === 'full' ? file.data : null

  useEffect(() => {
    if (editing && loaded && !form) setForm(fromFile(loaded, today))
  }, [editing, loaded, form, today])

  // Whoever fills the form usually made the risk assessment: offer her name.
  const myName = me.data?.displayName
  const offeredName = useRef(false)
  useEffect(() => {
    if (!form || !myName || offeredName.current) return
    offeredName.current = true
    if (form.riskAssessor === '') setForm({ ...form, riskAssessor: myName })
  }, [form, myName])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: editing ? '修改档案' : '登记儿童' })
  }, [editing])

  const role = me.data?.activeRole?.role
  if (role && !roleCan(role, editing ? 'child.update' : 'child.create')) {
    return (
      <View className='page'>
        <Text className='card muted'>只有儿童主任可以登记和修改本村儿童的档案。</Text>
      </View>
    )
  }
  if (file.isError) return <View className='page'><ErrorState id='child-error' title='无法打开档案' message={file.error.message} onRetry={() => void file.refetch()} /></View>
  if (!form) return <View className='page'><Text className='muted'>正在加载…</Text></View>

  if (saved) {
    const again = editing ? undefined : () => { setSaved(null); setForm(emptyForm(today)); setStep(0); setErrors({}); create.reset() }
    return <View className='page child-edit'><SavedResult child={saved.child} warnings={saved.warnings} onAnother={again} /></View>
  }

  const check = (f: ChildForm) => {
    const body = toBody(f)
    const parsed = editing ? UpdateChildBodySchema.safeParse({ ...body, version: loaded!.version }) : CreateChildBodySchema.safeParse(body)
    const errs: Errors = parsed.success ? {} : formErrors(parsed.error)
    const live = idNumberProblem(f.idNumber)
    if (live) errs.idNumber = live
    return { parsed, errs }
  }

  const showErrors = (errs: Errors) => {
    setErrors(errs)
    const first = Math.min(...Object.keys(errs).map(sectionOf).filter((i) => i >= 0))
    if (!wide && Number.isFinite(first)) setStep(first)
  }

  const next = () => {
    const { errs } = check(form)
    const here = Object.fromEntries(Object.entries(errs).filter(([k]) => sectionOf(k) === step))
    setErrors(here)
    if (Object.keys(here).length === 0) setStep(step + 1)
  }

  const save = () => {
    if (create.isPending || update.isPending) return
    const { errs } = check(form)
    if (Object.keys(errs).length > 0) return showErrors(errs)
    setErrors({})
    setDuplicate(null)
    const onError = (error: Error) => {
      if (isApiError(error) && error.code === 'CHILD_ALREADY_REGISTERED') setDuplicate({ idNumber: form.idNumber, message: error.message })
      else if (isApiError(error) && Object.keys(error.fields).length > 0) showErrors({ ...error.fields })
    }
    const body = toBody(form)
    if (editing) update.mutate(UpdateChildBodySchema.parse({ ...body, version: loaded!.version }), { onSuccess: setSaved, onError })
    else create.mutate(CreateChildBodySchema.parse(body), { onSuccess: setSaved, onError })
  }

  const mutation = editing ? update : create
  // A shown error goes away as soon as it is fixed; new ones wait for 下一步 or 保存.
  const change = (next: ChildForm) => {
    setForm(next)
    if (Object.keys(errors).length === 0) return
    const { errs } = check(next)
    setErrors(Object.fromEntries(Object.keys(errors).filter((k) => errs[k]).map((k) => [k, errs[k]!])))
  }
  const props = { form, update: (patch: Partial<ChildForm>) => change({ ...form, ...patch }), set: change, errors, today }
  const last = step === SECTIONS.length - 1
  const saveBlock = (
    <View className='child-edit__save'>
      {duplicate && <DuplicateNotice idNumber={duplicate.idNumber} message={duplicate.message} />}
      {mutation.isError && !duplicate && (
        <Text id='child-form-error' className='form-error'>
          {mutation.error.message}
        </Text>
      )}
      <Button id='child-save' type='primary' size='large' block loading={mutation.isPending} onClick={save}>
        保存档案
      </Button>
    </View>
  )

  return (
    <View className={`page child-edit${wide ? ' child-edit--wide' : ''}`}>
      <Text className='page-title'>{editing ? `修改档案：${loaded?.name ?? ''}` : '登记儿童'}</Text>
      {wide ? (
        <View>
          {SECTIONS.map((section, i) => (
            <View key={section.key} id={`child-step-${i + 1}`} className='card'>
              <Text className='section-title'>{`${i + 1}. ${section.title}`}</Text>
              <section.Component {...props} />
            </View>
          ))}
          {saveBlock}
        </View>
      ) : (
        <View>
          <View className='child-edit__progress'>
            <Text id='child-step-label' className='child-edit__step-label'>
              第 {step + 1} / {SECTIONS.length} 步 · {SECTIONS[step]!.title}
            </Text>
            <View className='child-edit__bar'>
              <View className='child-edit__bar-fill' style={{ width: `${((step + 1) / SECTIONS.length) * 100}%` }} />
            </View>
          </View>
          <View id={`child-step-${step + 1}`} className='card'>
            {(() => {
              const Current = SECTIONS[step]!.Component
              return <Current {...props} />
            })()}
          </View>
          {last ? saveBlock : null}
          <View className='button-row'>
            {step > 0 && (
              <Button id='child-back' size='large' onClick={() => { setErrors({}); setStep(step - 1) }}>
                上一步
              </Button>
            )}
            {!last && (
              <Button id='child-next' type='primary' size='large' onClick={next}>
                下一步
              </Button>
            )}
          </View>
        </View>
      )}
    </View>
  )
}
