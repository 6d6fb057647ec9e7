import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ReasonSchema, VOLUNTEER_STATUS_LABELS, canTransition, regionAncestry, regionLevel, type VolunteerProfile } from '@qstx/shared'
import { useRegion } from '../../../../api/regions'
import { useMyVolunteer, useWithdrawVolunteer } from '../../../../api/volunteers'
import ErrorState from '../../../../components/ErrorState'
import TextArea from '../../../../components/TextArea'
import { VETTING_WORKING_DAYS } from '../../../../constants/programme'
import { ROUTES } from '../../../../constants/routes'
import { useRefetchOnShow } from '../../../../hooks/use-refetch-on-show'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { formatDate } from '../../../../utils/format'
import ProfileSummary from '../../components/ProfileSummary'
import SubscribeButton from '../../components/SubscribeButton'
import { EDITABLE_SECTIONS } from '../../steps'
import './index.scss'

/** The county above the service area: its women's federation reviews the application. */
function countyCode(code: string | null): string | null {
  if (!code || regionLevel(code) === 'province' || regionLevel(code) === 'city') return null
  return regionAncestry(code)[2] ?? null
}

/** What happens next, and who does it, in one sentence. */
function nextStep(p: VolunteerProfile, reviewer: string): string {
  switch (p.status) {
    case 'draft':
      return `您的报名还没有提交。填完后提交，由${reviewer}审核。`
    case 'submitted':
      return `${reviewer}正在审核您的报名，一般需要${VETTING_WORKING_DAYS}。`
    case 'info_requested':
      return `${reviewer}请您补充信息：请看下面的审核意见，修改后重新提交。`
    case 'approved':
      return `您已通过审核，等待为您安排结对。${reviewer}会为您推荐附近需要陪伴的孩子。`
    case 'rejected':
      return '很抱歉，您的报名没有通过审核，原因见下面。'
    case 'suspended':
      return `您的志愿服务已暂停，原因见下面。如有疑问，请联系${reviewer}。`
    case 'withdrawn':
      return '您已退出牵手童行。您的服务记录仍会保存。'
  }
}

const DECISION_TITLES = { approve: '审核意见', request_info: '需要补充的内容', reject: '未通过的原因', suspend: '暂停的原因' } as const

/**
 * 我的报名: the status in one word, the next step in one sentence with who reviews it, the reviewer's
 * reason, then what she can do now (continue, resubmit, edit, withdraw, get the result by WeChat).
 * Vetting notifications open this page.
 */
export default function StatusPage() {
  useRequireLogin()
  const profile = useMyVolunteer()
  const withdraw = useWithdrawVolunteer()
  const p = profile.data
  const county = useRegion(countyCode(p?.serviceRegionCode ?? null))
  const [leaving, setLeaving] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  // Back from editing a section, or from the notification list after a decision: ask again.
  useRefetchOnShow(profile)

  if (profile.isError) {
    return (
      <View className='page status'>
        <ErrorState id='status-error' title='无法加载您的报名' message={profile.error.message} onRetry={() => void profile.refetch()} />
      </View>
    )
  }
  if (p === undefined) {
    return (
      <View className='page status'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }
  if (p === null) {
    return (
      <View className='page status'>
        <Text className='page-title'>我的报名</Text>
        <View className='card'>
          <Text className='status__next'>您还没有报名成为爱心家长。</Text>
          <Button id='status-signup' type='primary' size='large' block onClick={() => void Taro.redirectTo({ url: ROUTES.volunteerSignup })}>
            开始报名
          </Button>
        </View>
      </View>
    )
  }

  const reviewer = county.data ? `${county.data.name}妇联` : '当地妇联'
  const editable = p.status === 'submitted' || p.status === 'approved'
  const goWizard = () => void Taro.navigateTo({ url: ROUTES.volunteerSignup })

  const confirmWithdraw = async () => {
    const parsed = ReasonSchema.safeParse(reason)
    if (!parsed.success) return setReasonError(parsed.error.issues[0]?.message)
    setReasonError(undefined)
    const { confirm } = await Taro.showModal({
      title: '确定退出吗？',
      content: p.status === 'approved' ? '退出后不再为您安排结对。已有的结对请先和妇联、儿童主任商量，好好和孩子告别。' : '退出后报名结束，不能再提交。',
      confirmText: '确定退出',
      cancelText: '再想想',
    })
    if (confirm) withdraw.mutate(parsed.data, { onSuccess: () => setLeaving(false) })
  }

  return (
    <View className='page status signup'>
      <Text className='page-title'>我的报名</Text>
      <View className='card'>
        <Text id='status-label' className={`status__label status__label--${p.status}`}>
          {VOLUNTEER_STATUS_LABELS[p.status]}
        </Text>
        <Text id='status-next' className='status__next'>
          {nextStep(p, reviewer)}
        </Text>
        {p.lastDecision && p.status !== 'draft' && p.status !== 'submitted' && (
          <View>
            <Text className='status__reason-title'>
              {DECISION_TITLES[p.lastDecision.decision]}（{formatDate(p.lastDecision.at)}）
            </Text>
            <Text id='status-reason' className='status__reason'>
              {p.lastDecision.reason}
            </Text>
          </View>
        )}
        <View className='status__actions'>
          {p.status === 'draft' && (
            <Button id='status-continue' type='primary' size='large' block onClick={goWizard}>
              继续报名
            </Button>
          )}
          {p.status === 'info_requested' && (
            <Button id='status-resubmit' type='primary' size='large' block onClick={goWizard}>
              修改并重新提交
            </Button>
          )}
          {(p.status === 'submitted' || p.status === 'info_requested') && <SubscribeButton />}
        </View>
      </View>

      {p.status !== 'draft' && (
        <View id='status-summary' className='card'>
          <Text className='section-title'>我的资料</Text>
          {editable && (
            <Text id='status-edit-warning' className='signup__warning'>
              可以随时修改。修改姓名或身份证号后，需要妇联重新核验身份{p.status === 'approved' ? '，期间不会为您安排新的结对' : ''}。
            </Text>
          )}
          <ProfileSummary
            profile={p}
            idPrefix='status'
            editable={editable ? EDITABLE_SECTIONS : []}
            onEdit={(key) => void Taro.navigateTo({ url: `${ROUTES.volunteerSignup}?edit=${key}` })}
          />
          {p.team && <Text className='muted'>所在团队：{p.team.name}</Text>}
        </View>
      )}

      {canTransition(p.status, 'withdraw') && (
        <View className='card'>
          {!leaving ? (
            <Button id='status-withdraw' size='large' block onClick={() => setLeaving(true)}>
              退出牵手童行
            </Button>
          ) : (
            <View>
              <Text className='section-title'>退出牵手童行</Text>
              <TextArea
                id='withdraw-reason'
                label='退出的原因'
                hint='妇联会看到，用来改进工作'
                value={reason}
                onChange={(v) => {
                  setReason(v)
                  setReasonError(undefined)
                }}
                error={reasonError}
                maxlength={200}
              />
              {withdraw.isError && (
                <Text id='withdraw-error' className='form-error'>
                  {withdraw.error.message}
                </Text>
              )}
              <View className='button-row'>
                <Button size='large' onClick={() => setLeaving(false)}>
                  不退出
                </Button>
                <Button id='withdraw-confirm' type='danger' size='large' loading={withdraw.isPending} onClick={() => void confirmWithdraw()}>
                  退出
                </Button>
              </View>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
