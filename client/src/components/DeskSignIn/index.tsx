import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { isApiError } from '../../api/api-error'
import { usePasswordSignIn } from '../../hooks/use-auth'
import TextField from '../TextField'

/** What went wrong, in words: the server's one generic sentence for a failed sign-in, or the limit. */
function signInErrorMessage(error: Error): string {
  if (isApiError(error) && error.status === 429) return '尝试太频繁，请稍后再试'
  return error.message
}

/** Desk sign-in (H5): staff at a computer use the username and password set when they joined. */
export default function DeskSignIn() {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [missing, setMissing] = useState(false)
  const signIn = usePasswordSignIn()

  const submit = () => {
    if (signIn.isPending) return
    if (!username.trim() || !password) {
      setMissing(true)
      return
    }
    setMissing(false)
    signIn.mutate({ username, password })
  }

  const error = missing ? '请填写用户名和密码' : signIn.isError ? signInErrorMessage(signIn.error) : null
  return (
    <View id='desk-login' className='card'>
      <Text className='section-title'>工作人员登录</Text>
      <TextField id='desk-username' label='用户名' value={username} onChange={setUsername} maxlength={64} />
      <TextField id='desk-password' label='密码' value={password} onChange={setPassword} password maxlength={128} onConfirm={submit} />
      {error && (
        <Text id='desk-error' className='form-error'>
          {error}
        </Text>
      )}
      <Button id='desk-submit' type='primary' size='large' block loading={signIn.isPending} onClick={submit}>
        登录
      </Button>
    </View>
  )
}
