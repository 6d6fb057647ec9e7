import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useProposePairing, useSuggestions } from '../../../../api/pairings'
import TextArea from '../../../../components/TextArea'
import { ROUTES } from '../../../../constants/routes'
import { useRequireLogin } from '../../../../hooks/use-require-login'
import LoadState from '../../components/LoadState'
import SuggestionCard from '../../components/SuggestionCard'
import './index.scss'

const openPairing = (id: string) => void Taro.redirectTo({ url: `${ROUTES.pairingDetail}?id=${encodeURIComponent(id)}` })

/**
 * For one child: the working summary (village, needs, interests, whether the guardian's consent is
 * on file), then the suggested volunteers ranked with their reasons. Pick one, add a note for the
 * director if useful, propose: the village's director is asked to confirm the family agrees.
 */
export default function ProposePage() {
  useRequireLogin()
  const { childId = '' } = useRouter().params
  const suggestions = useSuggestions(childId)
  const propose = useProposePairing()
  const [picked, setPicked] = useState<string | null>(null)
  const [note, setNote] = useState('')

  if (!suggestions.data) {
    return <LoadState query={suggestions} id='propose-load-error' title='无法加载推荐' notFound={{ title: '没有找到这个孩子', message: '孩子的档案可能已结案或不在您的辖区。' }} />
  }

  const { child, items } = suggestions.data
  const blocked = !child.consentOnFile || child.livePairingId !== null
  const submit = () => {
    if (!picked || propose.isPending) return
    propose.mutate({ childId: child.id, volunteerId: picked, note: note.trim() || null }, { onSuccess: (p) => openPairing(p.id) })
  }
  // 409s here say what changed (child taken, volunteer full, consent withdrawn): show it and ask again.
  const error = propose.isError ? propose.error.message : null

  return (
    <View className='page propose'>
      <View className='pairing__columns pairing__columns--narrow-first'>
        <View id='propose-child' className='card'>
          <Text className='page-title'>{child.name}</Text>
          <Text className='pairing__line'>{child.villageName}</Text>
          <Text className='pairing__line'>需要：{child.needs.join('、') || '未填写'}</Text>
          <Text className='pairing__line'>喜欢：{child.interests.join('、') || '未填写'}</Text>
          {child.consentOnFile ? (
            <View className='tags'>
              <Text className='tag tag--good'>监护人同意已登记</Text>
            </View>
          ) : (
            <Text id='propose-consent-missing' className='pairing__alert'>
              孩子的监护人同意尚未登记，不能提出结对。请先请儿童主任在档案中登记监护人同意。
            </Text>
          )}
          {child.livePairingId && (
            <View id='propose-taken' className='pairing__alert'>
              <Text>这个孩子已有进行中的结对，结束之前不能再提出新的结对。</Text>
              <Text id='propose-taken-link' className='link' onClick={() => openPairing(child.livePairingId!)}>
                查看这个结对
              </Text>
            </View>
          )}
        </View>

        {!blocked && (
          <View>
            <Text className='section-title'>推荐的爱心家长</Text>
            {items.length === 0 ? (
              <Text id='suggestions-empty' className='card muted'>
                辖区内暂时没有还能结对的爱心家长（已通过审核、结对人数未满）。
              </Text>
            ) : (
              <View id='suggestions-list'>
                {items.map((s, i) => (
                  <SuggestionCard
                    key={s.volunteerId}
                    s={s}
                    rank={i + 1}
                    picked={picked === s.volunteerId}
                    onPick={() => {
                      setPicked(s.volunteerId)
                      propose.reset()
                    }}
                  />
                ))}
              </View>
            )}
            {picked && (
              <View className='card'>
                <TextArea
                  id='propose-note'
                  label='给儿童主任的话（可不填）'
                  hint='例如为什么推荐这位爱心家长，儿童主任征求家庭意见时可以参考'
                  value={note}
                  onChange={setNote}
                  maxlength={200}
                />
                {error && (
                  <Text id='propose-error' className='form-error'>
                    {error}
                  </Text>
                )}
                <Button id='propose-submit' type='primary' size='large' block loading={propose.isPending} onClick={submit}>
                  提出结对，请儿童主任征求家庭意见
                </Button>
                {error && (
                  <Button
                    size='large'
                    block
                    onClick={() => {
                      setPicked(null)
                      propose.reset()
                      void suggestions.refetch()
                    }}
                  >
                    刷新推荐
                  </Button>
                )}
              </View>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
