import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ChildFullView } from '@qstx/shared'
import { ROUTES } from '../../../../constants/routes'

interface Props {
  child: ChildFullView
  warnings: ReadonlyArray<{ code: string; message: string }>
  /** Register the next child (only after registering, not after an edit). */
  onAnother?: () => void
}

/** Saved — with the server's eligibility hints as amber notes to check: they never block a file. */
export default function SavedResult({ child, warnings, onAnother }: Props) {
  return (
    <View>
      <View id='child-saved' className='card child-saved'>
        <Text className='child-saved__title'>已保存 {child.name} 的档案</Text>
        {!child.consent && <Text className='child-saved__line'>还没有记录监护人同意：取得同意前不能结对。</Text>}
      </View>
      {warnings.length > 0 && (
        <View id='child-warnings' className='amber-notes'>
          <Text className='amber-notes__title'>请核对以下情况（档案已保存，这些提示不影响保存）</Text>
          {warnings.map((w) => (
            <Text key={w.code} className='amber-notes__item'>
              {w.message}
            </Text>
          ))}
        </View>
      )}
      <Button id='child-open-file' type='primary' size='large' block onClick={() => void Taro.redirectTo({ url: `${ROUTES.childFile}?id=${encodeURIComponent(child.id)}` })}>
        查看档案
      </Button>
      {onAnother && (
        <Button id='child-register-another' className='child-saved__another' size='large' block onClick={onAnother}>
          继续登记下一名儿童
        </Button>
      )}
    </View>
  )
}
