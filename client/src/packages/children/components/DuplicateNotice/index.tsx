import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ERROR_MESSAGES, RequestTransferBodySchema } from '@qstx/shared'
import { useRequestTransfer } from '../../../../api/children'
import TextField from '../../../../components/TextField'
import { ROUTES } from '../../../../constants/routes'
import { zodFieldErrors } from '../../../../utils/form-errors'

interface Props {
  idNumber: string
  /** The server's sentence: another village's file (transfer it) or one of this village's own. */
  message: string
}

/**
 * The ID number is already on file. In another village: the server's sentence and, right here, the
 * way forward — ask for the file to be transferred (the other director decides). The ID number
 * stays in memory; it is never put into a URL.
 */
export default function DuplicateNotice({ idNumber, message }: Props) {
  const transfer = useRequestTransfer()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | undefined>()
  const elsewhere = message === ERROR_MESSAGES.CHILD_ALREADY_REGISTERED

  const send = () => {
    const parsed = RequestTransferBodySchema.safeParse({ idNumber, reason })
    if (!parsed.success) return setError(zodFieldErrors(parsed.error).reason ?? parsed.error.issues[0]?.message)
    setError(undefined)
    transfer.mutate(parsed.data)
  }

  return (
    <View id='child-duplicate' className='card child-duplicate'>
      <Text className='child-duplicate__message'>{message}</Text>
      {elsewhere && transfer.isSuccess && (
        <View>
          <Text id='child-transfer-sent' className='child-duplicate__sent'>
            已发出转移申请。原村儿童主任确认后，档案会连同历史记录转入本村。
          </Text>
          <Button size='normal' block onClick={() => void Taro.redirectTo({ url: ROUTES.childTransfers })}>
            查看转移申请
          </Button>
        </View>
      )}
      {elsewhere && !transfer.isSuccess && !open && (
        <Button id='child-transfer-request' type='primary' size='large' block onClick={() => setOpen(true)}>
          申请转移档案
        </Button>
      )}
      {elsewhere && !transfer.isSuccess && open && (
        <View>
          <TextField id='child-transfer-reason' label='转移原因' hint='例如：随父母迁入本村居住' value={reason} onChange={setReason} error={error} maxlength={200} />
          {transfer.isError && <Text className='form-error'>{transfer.error.message}</Text>}
          <Button id='child-transfer-send' type='primary' size='large' block loading={transfer.isPending} onClick={send}>
            发出转移申请
          </Button>
        </View>
      )}
    </View>
  )
}
