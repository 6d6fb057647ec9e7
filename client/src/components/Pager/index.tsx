import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.scss'

interface Props {
  /** Ids: #<id>-prev, #<id>-page, #<id>-next. */
  id: string
  page: number
  pages: number
  onPage: (page: number) => void
  /** Shown even with a single page ("第 1 / 1 页" says the list is complete). */
  always?: boolean
}

/** Previous / 第 n / m 页 / next under a phone's list (a desk's table has its own, components/DataTable). */
export default function Pager({ id, page, pages, onPage, always }: Props) {
  if (pages <= 1 && !always) return null
  return (
    <View className='pager'>
      <Button id={`${id}-prev`} size='large' disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text id={`${id}-page`} className='pager__page'>
        第 {page} / {pages} 页
      </Text>
      <Button id={`${id}-next`} size='large' disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
