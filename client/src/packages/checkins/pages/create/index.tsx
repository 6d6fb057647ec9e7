import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useMutation } from '@tanstack/react-query'
import {
  CONTACT_MODES, CONTACT_MODE_LABELS, CreateCheckinBodySchema, SERVICE_TYPES, SERVICE_TYPE_LABELS, checkinTimeProblems,
  type ContactMode, type CreateCheckinBody, type ServiceType,
} from '@qstx/shared'
import { useCheckinPairings } from '../../../../api/checkins'
import ChoiceChips, { options } from '../../../../components/ChoiceChips'
import ErrorState from '../../../../components/ErrorState'
import TextArea from '../../../../components/TextArea'
import TextField from '../../../../components/TextField'
import Tick from '../../../../components/Tick'
import WechatOnlyNote from '../../../../components/WechatOnlyNote'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { submitCheckin } from '../../../../offline/sync'
import { wechat } from '../../../../platform/wechat'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import { formatDateTime, todayInChina } from '../../../../utils/format'
import './index.scss'

const PRESETS = ['30', '60', '90', '120', '180'] as const
const PRESET_LABELS = { 30: '30分钟', 60: '1小时', 90: '1个半小时', 120: '2小时', 180: '3小时' } as const
/** WeChat's fuzzy location is already about a kilometre off; two decimals (≈1 km) is all that is kept. */
const coarse = (x: number) => Math.round(x * 100) / 100

/** Two hours ago on the ten minutes, China time: a visit that just ended fits with any usual duration. */
function defaultStart(now = Date.now()) {
  const t = now - 2 * 3_600_000
  const shown = formatDateTime(new Date(t - (t % 600_000)).toISOString())
  return { date: shown.slice(0, 10), time: shown.slice(11) }
}

/** To the record page: back to it when the form was opened from there (one copy in the stack), else in place of the form. */
function toMine() {
  const stack = Taro.getCurrentPages()
  const previous = stack[stack.length - 2]?.route ?? ''
  if (previous.replace(/^\//, '') === ROUTES.checkinMine.replace(/^\//, '')) void Taro.navigateBack()
  else void Taro.redirectTo({ url: ROUTES.checkinMine })
}

/**
 * A love parent's check-in for one active pairing (JOURNEYS: 王阿姨 step 5): when and how long,
 * how they were in touch, what they did — checked here with the server's own schema and time rules
 * before anything is sent. Without signal it is kept on the phone as 待发送 and goes out later.
 */
export default function CheckinCreatePage() {
  useRequireLogin()
  const { pairingId = '' } = useRouter().params
  const me = useMe()
  const pairings = useCheckinPairings()
  const pairing = pairings.data?.find((p) => p.id === pairingId)

  const [start, setStart] = useState(defaultStart)
  const [duration, setDuration] = useState('')
  const [mode, setMode] = useState<ContactMode | null>(null)
  const [services, setServices] = useState<ServiceType[]>([])
  const [summary, setSummary] = useState('')
  const [mood, setMood] = useState('')
  const [problems, setProblems] = useState('')
  const [measures, setMeasures] = useState('')
  const [location, setLocation] = useState<{ latitude: number; longitude: number } | null>(null)
  const [worried, setWorried] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const submit = useMutation({
    // React Query would pause a mutation while the browser is offline; the outbox is the offline plan.
    networkMode: 'always',
    mutationFn: (v: { body: CreateCheckinBody; ownerId: string; label: string }) => submitCheckin(v.body, v.ownerId, v.label),
  })

  if (!pairing && (pairings.isError || pairings.isSuccess)) {
    return (
      <View className='page'>
        <ErrorState
          id='checkin-pairing-error'
          title={pairings.isSuccess ? '没有找到这个结对' : '无法加载结对信息'}
          message={pairings.isSuccess ? '只能为进行中的结对记录走访。' : pairings.error!.message}
          onRetry={pairings.isSuccess ? undefined : () => void pairings.refetch()}
        />
      </View>
    )
  }
  if (!pairing || !me.data) {
    return (
      <View className='page'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }
  if (pairing.state !== 'active') {
    return (
      <View className='page'>
        <ErrorState id='checkin-pairing-error' title='这个结对现在不在进行中' message='暂停或结束的结对不能记录走访。如有疑问，请联系儿童主任。' />
      </View>
    )
  }
  const child = pairing.child
  const ownerId = me.data.userId

  const locate = () => {
    wechat.getFuzzyLocation().then(
      (l) => setLocation({ latitude: coarse(l.latitude), longitude: coarse(l.longitude) }),
      () => void Taro.showToast({ title: '没有获得位置，可以不填', icon: 'none' }),
    )
  }

  const send = () => {
    if (submit.isPending) return
    const startedAt = `${start.date}T${start.time}:00+08:00`
    const body = {
      pairingId, startedAt, durationMinutes: duration.trim() === '' ? undefined : Number(duration), contactMode: mode ?? undefined,
      serviceTypes: services, summary, worried,
      ...(mood.trim() ? { childMood: mood } : {}),
      ...(problems.trim() ? { problemsFound: problems } : {}),
      ...(measures.trim() ? { measuresSuggested: measures } : {}),
      ...(location ? { location } : {}),
    }
    const parsed = CreateCheckinBodySchema.safeParse(body)
    const found = parsed.success ? {} : zodFieldErrors(parsed.error)
    // The same rules the server applies: not in the future, not ending in the future, not before the pairing.
    const minutes = Number(duration)
    const time = Number.isInteger(minutes) && minutes > 0 ? checkinTimeProblems(new Date(startedAt), minutes, new Date(), pairing.startDate) : null
    const all = { ...time, ...found }
    if (!parsed.success || time) return setErrors(all)
    setErrors({})
    submit.mutate({ body: parsed.data, ownerId, label: child.displayName }, {
      onSuccess: () => {
        // 我担心这个孩子: the numbers to call first, then the report — whether or not it was sent yet.
        if (worried) void Taro.navigateTo({ url: `${ROUTES.safeguarding}?childId=${encodeURIComponent(child.id)}` })
      },
      onError: (error) => setErrors(serverFieldErrors(error)),
    })
  }

  const again = () => {
    submit.reset()
    setStart(defaultStart())
    setDuration('')
    setMode(null)
    setServices([])
    setSummary('')
    setMood('')
    setProblems('')
    setMeasures('')
    setLocation(null)
    setWorried(false)
  }

  if (submit.isSuccess) {
    const queued = submit.data.kind === 'queued'
    return (
      <View className='page checkin-create'>
        <View id={queued ? 'checkin-queued' : 'checkin-sent'} className={`card checkin-create__done${queued ? ' checkin-create__done--queued' : ''}`}>
          <Text className='checkin-create__done-title'>{queued ? '已保存在手机上 · 待发送' : '已提交，等待儿童主任确认'}</Text>
          <Text className='item__line'>
            {queued ? '现在没有网络。有网络时会自动发送，不用再填一遍。' : '确认后，服务时长和积分会记入您的服务记录（平台记录）。'}
          </Text>
        </View>
        <Button id='checkin-mine-link' type='primary' size='large' block onClick={toMine}>
          查看我的服务记录
        </Button>
        <Button id='checkin-again' className='checkin-create__again' size='large' block onClick={again}>
          再记一次走访
        </Button>
      </View>
    )
  }

  return (
    <View className='page checkin-create'>
      <Text className='page-title'>记录走访</Text>
      <View id='checkin-child' className='card'>
        <Text className='checkin-create__child'>{child.displayName}</Text>
        <Text className='item__line'>{child.villageName}</Text>
      </View>
      <View className='card'>
        <Text className='checkin-create__label'>什么时候开始的</Text>
        <Text id='checkin-started-at' className='checkin-create__when'>
          {start.date} {start.time}
        </Text>
        <View className='checkin-create__pickers'>
          <Picker mode='date' value={start.date} end={todayInChina()} onChange={(e) => setStart({ ...start, date: String(e.detail.value) })}>
            <Text id='checkin-start-date' className='link checkin-create__pick'>改日期</Text>
          </Picker>
          <Picker mode='time' value={start.time} onChange={(e) => setStart({ ...start, time: String(e.detail.value) })}>
            <Text id='checkin-start-time' className='link checkin-create__pick'>改时间</Text>
          </Picker>
        </View>
        {errors.startedAt && (
          <Text id='checkin-started-at-error' className='form-error'>
            {errors.startedAt}
          </Text>
        )}
        <ChoiceChips
          id='checkin-duration-preset'
          label='用了多长时间'
          options={PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
          value={(PRESETS as readonly string[]).includes(duration) ? (duration as (typeof PRESETS)[number]) : null}
          onChange={setDuration}
        />
        <TextField id='checkin-duration' label='时长（分钟）' hint='也可以直接填写分钟数，最多12小时' type='number' value={duration} onChange={setDuration} error={errors.durationMinutes} maxlength={4} />
      </View>
      <View className='card'>
        <ChoiceChips id='checkin-mode' label='怎么联系的' options={options(CONTACT_MODES, CONTACT_MODE_LABELS)} value={mode} onChange={setMode} error={errors.contactMode} />
        <ChoiceChips id='checkin-service' label='做了哪些事（可多选）' multiple options={options(SERVICE_TYPES, SERVICE_TYPE_LABELS)} value={services} onChange={setServices} error={errors.serviceTypes} />
      </View>
      <View className='card'>
        <TextArea id='checkin-summary' label='这次做了什么' hint={`写几句就好（${summary.length}/1000字）`} value={summary} onChange={setSummary} error={errors.summary} maxlength={1000} />
        <TextField id='checkin-mood' label='孩子的状态（选填）' hint='例如：开心、话少、想妈妈了' value={mood} onChange={setMood} error={errors.childMood} maxlength={200} />
        <TextArea id='checkin-problems' label='发现的问题（选填）' value={problems} onChange={setProblems} error={errors.problemsFound} maxlength={500} />
        <TextArea id='checkin-measures' label='建议的措施（选填）' value={measures} onChange={setMeasures} error={errors.measuresSuggested} maxlength={500} />
        <WechatOnlyNote id='checkin-location-note' needs='fuzzyLocation'>
          网页版不记录位置。在微信小程序里提交走访时，可以选择记下大概位置（约1公里）。
        </WechatOnlyNote>
        {wechat.capabilities.fuzzyLocation &&
          (location ? (
            <Tick id='checkin-location' label='已记下大概位置' hint='只精确到约1公里，点一下取消' on onToggle={() => setLocation(null)} />
          ) : (
            <Tick id='checkin-location' label='记下大概位置（选填）' hint='证明是在村里走访的，只精确到约1公里' on={false} onToggle={locate} />
          ))}
      </View>
      <Tick id='checkin-worried' label='我担心这个孩子' hint='提交后会打开强制报告：先打电话，再报告' on={worried} onToggle={() => setWorried(!worried)} />
      {submit.isError && (
        <Text id='checkin-error' className='form-error'>
          {submit.error.message}
        </Text>
      )}
      {Object.keys(errors).length > 0 && !submit.isError && (
        <Text id='checkin-error' className='form-error'>
          请按提示修改后再提交
        </Text>
      )}
      <Button id='checkin-submit' type='primary' size='large' block loading={submit.isPending} onClick={send}>
        提交
      </Button>
    </View>
  )
}
