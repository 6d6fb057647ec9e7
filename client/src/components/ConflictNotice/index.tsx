import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.scss'

/**
 * Someone else decided first (409): say so in plain words with one way forward, a refresh —
 * instead of an error code. `#<id>` holds the words, `#<refreshId>` is the button.
 */
export default function ConflictNotice({ id, refreshId, onRefresh }: { id: string; refreshId: string; onRefresh: () => void }) {
  return (
    <View id={id} className='conflict-notice'>
      <Text className='conflict-notice__text'>已被他人处理，请刷新</Text>
      <Button id={refreshId} type='primary' size='large' block onClick={onRefresh}>
        刷新
      </Button>
    </View>
  )
}
