import { Button } from '@nutui/nutui-react-taro'

/** The one big button at the bottom of each step. */
export default function StepButton({ id, label, loading, onClick }: { id: string; label: string; loading: boolean; onClick: () => void }) {
  return (
    <Button id={id} className='signup__next' type='primary' size='large' block loading={loading} onClick={() => !loading && onClick()}>
      {label}
    </Button>
  )
}
