import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.scss'

interface Props {
  id: string
  title: string
  message: string
  retryId?: string
  onRetry?: () => void
}

/** A failed load in words people understand, with one obvious way to try again. */
export default function ErrorState({ id, title, message, retryId, onRetry }: Props) {
  return (
    <View id={id} className='card error-state'>
      <Text className='error-state__title'>{title}</Text>
      <Text className='error-state__message'>{message}</Text>
      {onRetry && (
        <Button id={retryId} type='primary' size='large' block onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  )
}
