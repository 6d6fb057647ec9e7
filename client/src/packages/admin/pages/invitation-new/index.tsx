import { useState } from 'react'
import { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CreateInvitationBodySchema, INVITABLE_ROLES, ROLE_LABELS, type Role } from '@qstx/shared'
import { useCreateInvitation } from '../../../../api/invitations'
import ErrorState from '../../../../components/ErrorState'
import TextField from '../../../../components/TextField'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { zodFieldErrors } from '../../../../utils/form-errors'
import InvitationResult from '../../components/InvitationResult'
import RegionWalker, { regionFit, type RegionStep } from '../../components/RegionWalker'
import './index.scss'

/**
 * New invitation in three steps on one screen: the role (only those this inviter may hand out),
 * the region (walked down from the inviter's own), an optional note. The result shows the code once.
 */
export default function InvitationNewPage() {
  useRequireLogin()
  const me = useMe()
  const create = useCreateInvitation()
  const [role, setRole] = useState<Role | null>(null)
  const [path, setPath] = useState<RegionStep[]>([])
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState<string | undefined>()

  const created = create.data
  useShareAppMessage(() =>
    created
      ? { title: `邀请您担任${ROLE_LABELS[created.role]}（${created.regionName}）`, path: created.link }
      : { title: '牵手童行', path: ROUTES.login },
  )

  const actor = me.data?.activeRole
  if (me.isError || !actor) {
    return (
      <View className='page'>
        {me.isError ? (
          <ErrorState id='invite-new-error' title='无法加载您的信息' message={me.error.message} onRetry={() => void me.refetch()} />
        ) : (
          <Text className='muted'>{me.isPending ? '正在加载…' : '您的账号还没有角色'}</Text>
        )}
      </View>
    )
  }

  const root: RegionStep = { code: actor.regionCode, name: actor.regionName }
  const walk = path.length > 0 ? path : [root]
  const region = walk[walk.length - 1]!
  const ready = role !== null && regionFit(role, region.code).fits
  const invitable = INVITABLE_ROLES[actor.role]

  const pickRole = (next: Role) => {
    setRole(next)
    setPath([root]) // another role may live at another level: start the walk again
  }

  const submit = () => {
    if (!ready || create.isPending) return
    const parsed = CreateInvitationBodySchema.safeParse({ role, regionCode: region.code, ...(note.trim() ? { note } : {}) })
    if (!parsed.success) return setNoteError(zodFieldErrors(parsed.error).note ?? parsed.error.issues[0]?.message)
    setNoteError(undefined)
    create.mutate(parsed.data)
  }

  if (created) {
    return (
      <View className='page invitation-new'>
        <InvitationResult
          invitation={created}
          onAgain={() => {
            create.reset()
            setRole(null)
            setNote('')
          }}
        />
      </View>
    )
  }

  return (
    <View className='page invitation-new'>
      <Text className='page-title'>新建邀请</Text>
      <View className='card'>
        <Text className='invitation-new__step'>1. 邀请担任</Text>
        {invitable.length === 0 && <Text className='muted'>您的角色不能邀请其他人。</Text>}
        <View className='chips'>
          {invitable.map((option) => (
            <Text
              key={option}
              id={`invite-role-${option}`}
              className={`chip${role === option ? ' chip--selected' : ''}`}
              onClick={() => pickRole(option)}
            >
              {ROLE_LABELS[option]}
            </Text>
          ))}
        </View>
      </View>
      {role && (
        <View className='card'>
          <Text className='invitation-new__step'>2. 所在地区</Text>
          <RegionWalker role={role} path={walk} onPathChange={setPath} />
        </View>
      )}
      {ready && (
        <View className='card'>
          <Text className='invitation-new__step'>3. 生成邀请码</Text>
          <TextField id='invite-note' label='备注（选填）' hint='例如被邀请人的姓名，最多60字，显示在邀请列表中' value={note} onChange={setNote} error={noteError} maxlength={60} />
          {create.isError && (
            <Text id='invite-create-error' className='form-error'>
              {create.error.message}
            </Text>
          )}
          <Button id='invite-create' type='primary' size='large' block loading={create.isPending} onClick={submit}>
            生成邀请码
          </Button>
        </View>
      )}
    </View>
  )
}
