import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CarerChangeBodySchema, ENTRUSTED_CARERS, ENTRUSTED_CARER_LABELS, type CarerChangeBody } from '@qstx/shared'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import DateField from '../../../../components/DateField'
import TextArea from '../../../../components/TextArea'
import TextField from '../../../../components/TextField'
import { zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { todayInChina } from '../../../../utils/format'

type Carer = CarerChangeBody['carer']

/** 重新选择被委托照护人: who now cares for the child, since when, and why (the file's history keeps it). */
export default function CarerForm({ busy, serverErrors, onSubmit }: { busy: boolean; serverErrors: FieldErrors; onSubmit: (body: CarerChangeBody) => void }) {
  const [carer, setCarer] = useState<Carer | null>(null)
  const [name, setName] = useState('')
  const [since, setSince] = useState(todayInChina)
  const [agreementOn, setAgreementOn] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const submit = () => {
    const parsed = CarerChangeBodySchema.safeParse({ carer, carerName: carer === 'none' ? null : name.trim() || null, since, agreementOn, note })
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error))
    setErrors({})
    onSubmit(parsed.data)
  }
  const e = { ...serverErrors, ...errors }
  return (
    <View id='carer-form' className='care__form'>
      <Text className='section-title'>新的被委托照护人</Text>
      <ChoiceChips id='carer-kind' label='由谁照护' options={options(ENTRUSTED_CARERS, ENTRUSTED_CARER_LABELS)} value={carer} onChange={setCarer} error={e.carer} big />
      {carer !== 'none' && <TextField id='carer-name' label='照护人姓名' value={name} onChange={setName} error={e.carerName} maxlength={20} />}
      <DateField id='carer-since' label='开始照护的日期' value={since} onChange={setSince} end={todayInChina()} error={e.since} />
      <DateField id='carer-agreement' label='委托监护确认书签订日期（选填）' value={agreementOn} onChange={setAgreementOn} end={todayInChina()} />
      <TextArea id='carer-note' label='更换原因（父母的决定）' value={note} onChange={setNote} error={e.note} maxlength={500} />
      <Button id='carer-submit' type='primary' size='large' block loading={busy} onClick={submit}>
        保存新的照护人
      </Button>
    </View>
  )
}
