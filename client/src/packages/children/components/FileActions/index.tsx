import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CLOSE_REASONS, CLOSE_REASON_LABELS, CloseChildBodySchema, chinaYear, roleCan, type ChildFullView, type Role } from '@qstx/shared'
import { useChildYears, useCloseChild, useCompleteYear } from '../../../../api/children'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import TextField from '../../../../components/TextField'
import { ROUTES } from '../../../../constants/routes'
import { formatDate } from '../../../../utils/format'

type CloseReason = (typeof CLOSE_REASONS)[number]

/**
 * What a director does with a file: edit it, complete it for this year (按年度完善), or close it
 * (ageing out, moving away). The yearly records are listed here too, with their hand-over state.
 */
export default function FileActions({ child: c, role }: { child: ChildFullView; role: Role }) {
  const year = chinaYear(new Date())
  const years = useChildYears(c.id, true)
  const complete = useCompleteYear(c.id)
  const close = useCloseChild(c.id)
  const [closing, setClosing] = useState(false)
  const [reason, setReason] = useState<CloseReason | null>(c.agingOut.length > 0 ? 'aged_out' : null)
  const [note, setNote] = useState('')
  const [closeError, setCloseError] = useState<string | undefined>()
  const open = c.status === 'active'
  const thisYear = years.data?.find((y) => y.year === year)

  const confirmComplete = async () => {
    const { confirm } = await Taro.showModal({
      title: `完善${year}年度档案`,
      content: `确认${c.name}的档案已核对完整？将保存一份${year}年度的记录，之后随本村档案移交乡镇。`,
      confirmText: '确认完善',
      cancelText: '再看看',
    })
    if (!confirm) return
    complete.mutate(year, {
      onSuccess: () => void Taro.showToast({ title: `已完善${year}年度档案`, icon: 'none' }),
      onError: (error) => void Taro.showModal({ title: '未能完善', content: error.message, showCancel: false }),
    })
  }

  const confirmClose = async () => {
    const parsed = CloseChildBodySchema.safeParse({ reason, ...(note.trim() ? { note } : {}) })
    if (!parsed.success) return setCloseError('请选择结案原因')
    setCloseError(undefined)
    const { confirm } = await Taro.showModal({ title: '结案', content: '结案后档案保留但变为只读，不能再修改。确定结案吗？', confirmText: '确定结案', cancelText: '不结案' })
    if (!confirm) return
    close.mutate(parsed.data, { onSuccess: () => setClosing(false), onError: (error) => setCloseError(error.message) })
  }

  return (
    <View className='card file-actions'>
      <Text className='section-title'>档案办理</Text>
      {open && roleCan(role, 'child.update') && (
        <Button id='child-edit' type='primary' size='large' block onClick={() => void Taro.navigateTo({ url: `${ROUTES.childEdit}?id=${encodeURIComponent(c.id)}` })}>
          修改档案
        </Button>
      )}
      {open && roleCan(role, 'child.complete_year') && (
        <Button id='child-complete-year' size='large' block loading={complete.isPending} onClick={() => void confirmComplete()}>
          {thisYear?.completedAt ? `${year}年度已完善（再次确认）` : `按年度完善（${year}年）`}
        </Button>
      )}
      {open && roleCan(role, 'child.close') && !closing && (
        <Button id='child-close' size='large' block onClick={() => setClosing(true)}>
          结案
        </Button>
      )}
      {closing && (
        <View className='file-actions__close'>
          <ChoiceChips id='child-close-reason' big label='结案原因' options={options(CLOSE_REASONS, CLOSE_REASON_LABELS)} value={reason} onChange={setReason} error={closeError} />
          <TextField id='child-close-note' label='说明（选填）' value={note} onChange={setNote} maxlength={200} />
          <View className='button-row'>
            <Button size='large' onClick={() => setClosing(false)}>
              取消
            </Button>
            <Button id='child-close-confirm' type='primary' size='large' loading={close.isPending} onClick={() => void confirmClose()}>
              确定结案
            </Button>
          </View>
        </View>
      )}
      {years.data && years.data.length > 0 && (
        <View id='child-years' className='file-actions__years'>
          <Text className='file-actions__years-title'>年度记录</Text>
          {years.data.map((y) => (
            <Text key={y.year} className='item__line'>
              {y.year}年度：{y.archivedAt ? `已移交乡镇（${formatDate(y.archivedAt)}，只读）` : y.completedAt ? `已完善（${formatDate(y.completedAt)}）` : '未完善'}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
