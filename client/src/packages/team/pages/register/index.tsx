import { useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RegisterTeamBodySchema, TEAM_TYPE_LABELS, TEAM_TYPES, type TeamType } from '@qstx/shared'
import { useRegisterTeam } from '../../../../api/teams'
import ChoiceChips from '../../../../components/ChoiceChips'
import ServiceAreaPicker, { type Area } from '../../../../components/ServiceAreaPicker'
import TextField from '../../../../components/TextField'
import { PROGRAMME_COUNTY } from '../../../../constants/programme'
import { ROUTES } from '../../../../constants/routes'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../../../../utils/form-errors'
import JoinCode from '../../components/JoinCode'
import { TEAM_TYPE_SHORT } from '../../labels'
import './index.scss'

/**
 * 小张 registers the team: name, type, parent organisation, service area. He becomes its leader
 * (group_leader) and gets the join code to share in the team's WeChat group.
 */
export default function TeamRegisterPage() {
  useRequireLogin()
  const me = useMe()
  const register = useRegisterTeam()
  const [name, setName] = useState('')
  const [type, setType] = useState<TeamType | null>(null)
  const [parent, setParent] = useState('')
  const [area, setArea] = useState<Area | null>(null)
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const team = register.data

  useShareAppMessage(() =>
    team ? { title: `邀请您加入${team.name}，一起当爱心家长`, path: team.sharePath } : { title: '牵手童行', path: ROUTES.login },
  )

  const serverErrors = register.isError ? serverFieldErrors(register.error) : {}
  const errors: FieldErrors = { ...serverErrors, ...clientErrors }
  const onForm = ['name', 'type', 'parentOrganisation', 'serviceRegionCode']
  const generalError = register.isError && !onForm.some((f) => serverErrors[f]) ? register.error.message : null
  const clear = (field: string) => setClientErrors(({ [field]: _dropped, ...rest }) => rest)

  const submit = () => {
    if (register.isPending) return
    const parsed = RegisterTeamBodySchema.safeParse({ name, type, parentOrganisation: parent, serviceRegionCode: area?.code })
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error)
      if (!type) found.type = '请选择团队类型'
      if (!area) found.serviceRegionCode = '请选择服务的县（区）或乡镇（街道）'
      return setClientErrors(found)
    }
    setClientErrors({})
    register.mutate({ body: parsed.data, activeRoleId: me.data?.activeRole?.id ?? null })
  }

  if (team) {
    return (
      <View id='team-result' className='page team'>
        <Text className='page-title'>团队已登记</Text>
        <View className='card'>
          <Text className='team__name'>{team.name}</Text>
          <Text className='muted'>
            {TEAM_TYPE_SHORT[team.type]} · {team.serviceRegionName}
          </Text>
          <Text className='team__role'>您现在是本团队的负责人。</Text>
        </View>
        <View className='card'>
          <JoinCode team={team} idPrefix='team' />
        </View>
        <Button id='team-roster-link' size='large' block onClick={() => void Taro.redirectTo({ url: ROUTES.teamRoster })}>
          查看成员名单
        </Button>
      </View>
    )
  }

  return (
    <View className='page team'>
      <Text className='page-title'>注册志愿服务队</Text>
      <Text className='team__intro'>登记后您会得到一个加入码，分享给队员；队员各自报名，由妇联审核。</Text>
      <View className='card'>
        <TextField
          id='team-name'
          label='团队名称'
          hint='例如：团县委“情暖童心”志愿服务队'
          value={name}
          onChange={(v) => {
            setName(v)
            clear('name')
          }}
          error={errors.name}
          maxlength={40}
        />
        <ChoiceChips
          id='team-type'
          label='团队类型'
          big
          options={TEAM_TYPES.map((t) => ({ value: t, label: TEAM_TYPE_SHORT[t] }))}
          value={type}
          onChange={(v) => {
            setType(v)
            clear('type')
          }}
          error={errors.type}
        />
        {type && <Text className='team__type-note muted'>{TEAM_TYPE_LABELS[type]}</Text>}
        <TextField
          id='team-parent'
          label='上级单位或主管单位'
          hint='例如：共青团融水苗族自治县委员会'
          value={parent}
          onChange={(v) => {
            setParent(v)
            clear('parentOrganisation')
          }}
          error={errors.parentOrganisation}
          maxlength={60}
        />
      </View>
      <View className='card'>
        <Text className='team__section'>服务地区</Text>
        <ServiceAreaPicker
          value={area}
          start={PROGRAMME_COUNTY}
          onPick={(picked) => {
            setArea(picked)
            clear('serviceRegionCode')
          }}
          error={errors.serviceRegionCode}
        />
      </View>
      {generalError && (
        <Text id='team-error' className='form-error'>
          {generalError}
        </Text>
      )}
      <Button id='team-submit' type='primary' size='large' block loading={register.isPending} onClick={submit}>
        登记团队
      </Button>
    </View>
  )
}
