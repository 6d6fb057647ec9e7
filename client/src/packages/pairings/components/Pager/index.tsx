import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'

/** Previous / 第 n / m 页 / next, shown only when there is more than one page: #<id>-prev, #<id>-page, #<id>-next. */
export default function Pager({ id, page, pages, onPage }: { id: string; page: number; pages: number; onPage: (page: number) => void }) {
  if (pages <= 1) return null
  return (
    <View className='pairing__pager'>
      <Button id={`${id}-prev`} size='large' disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </Button>
      <Text id={`${id}-page`}>
        第 {page} / {pages} 页
      </Text>
      <Button id={`${id}-next`} size='large' disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </Button>
    </View>
  )
}
