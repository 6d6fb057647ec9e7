import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Role } from '@qstx/shared'
import NavRow from '../../components/NavRow'
import { ROLE_DUTIES } from '../../constants/role-duties'

/** 我的职责: what this role does in the programme, folded away — it is the same every day. */
export default function DutiesLink({ role }: { role: Role }) {
  const [open, setOpen] = useState(false)
  return (
    <View className='home__duties-block'>
      <NavRow id='home-duties-link' title='我的职责' description={open ? undefined : '这个角色在牵手童行中要做的事'} extra={open ? '收起' : '展开'} onClick={() => setOpen(!open)} />
      {open && (
        <View id='home-duties' className='card'>
          {ROLE_DUTIES[role].map((duty) => (
            <Text key={duty} className='home__duty'>
              {duty}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
