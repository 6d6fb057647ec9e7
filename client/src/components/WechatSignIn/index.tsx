import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useWechatSignIn } from '../../hooks/use-auth'

interface Props {
  /** Button id: the real button on weapp, the demo's stand-in on H5. */
  id: string
  label: string
}

/** One tap: wx.login → the server. On H5 the adapter asks the demo's fake WeChat instead. */
export default function WechatSignIn({ id, label }: Props) {
  const signIn = useWechatSignIn()
  return (
    <View>
      {signIn.isError && (
        <Text id='wechat-error' className='form-error'>
          {signIn.error.message}
        </Text>
      )}
      <Button id={id} type='primary' size='large' block loading={signIn.isPending} onClick={() => !signIn.isPending && signIn.mutate()}>
        {label}
      </Button>
    </View>
  )
}
