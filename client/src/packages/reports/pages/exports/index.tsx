import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import ChoiceChips from '../../../../components/ChoiceChips'
import { useMe } from '../../../../hooks/use-auth'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import ExportPanel from '../../components/ExportPanel'
import DeskFrame from '../../../../components/DeskFrame'
import { ROUTES } from '../../../../constants/routes'
import './index.scss'

/**
 * 台账导出 for the roles that export without a dashboard — the village child directors, who keep
 * the files and print the year's ledger for the township's hand-over. Their own region only; this
 * year or the two before (an archived year comes out as it was handed over).
 */
export default function ExportsPage() {
  useRequireLogin()
  const me = useMe()
  const thisYear = new Date().getFullYear()
  const years = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: `${y}年` }))
  const [year, setYear] = useState(String(thisYear))
  const role = me.data?.activeRole
  if (!role) {
    return (
      <View className='page'>
        <Text className='muted'>正在加载…</Text>
      </View>
    )
  }
  return (
    <DeskFrame current={ROUTES.exports}>
      <View className='page exports'>
        <Text id='exports-title' className='page-title'>
          台账导出 · {role.regionName}
        </Text>
        <View className='card'>
          <ChoiceChips id='exports-year' label='年度' options={years} value={year} onChange={setYear} />
        </View>
        <ExportPanel role={role.role} year={Number(year)} />
      </View>
    </DeskFrame>
  )
}
