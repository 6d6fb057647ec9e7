import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { useDesk } from '../../../../hooks/use-desk'
import type { ChartSpec } from './spec'
import './index.scss'

interface Props {
  id: string
  spec: ChartSpec
  /** Height of the H5 canvas, in CSS px. */
  height?: number
}

/**
 * One chart, two ways to draw it:
 * - H5 (the desk): echarts, loaded on demand from echarts-h5.ts (core + bar + pie only).
 * - weapp: plain bars made of Views. echarts for WeChat needs its canvas component and about
 *   1 MB even when trimmed — half the subpackage budget for three simple charts — while bars of
 *   Views cost a few KB, stay crisp at every text size, and their numbers are readable as text.
 * `process.env.TARO_ENV` is a build-time constant, so each build contains only its own half.
 */
export default function Chart({ id, spec, height = 260 }: Props) {
  if (process.env.TARO_ENV === 'h5') return <EChart id={id} spec={spec} height={height} />
  return <ViewChart id={id} spec={spec} />
}

function EChart({ id, spec, height }: Required<Props>) {
  const desk = useDesk()
  const ref = useRef<HTMLElement>(null)
  const chart = useRef<{ update(spec: ChartSpec): void; dispose(): void } | null>(null)
  const latest = useRef(spec)
  latest.current = spec
  useEffect(() => {
    let gone = false
    // The build-time test keeps the import out of the weapp build entirely (webpack does not follow
    // a dependency inside a branch it knows is dead), not just out of its execution.
    if (process.env.TARO_ENV === 'h5') {
      void import('./echarts-h5').then(({ draw }) => {
        if (!gone && ref.current) chart.current = draw(ref.current, latest.current)
      })
    }
    return () => {
      gone = true
      chart.current?.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => chart.current?.update(spec), [spec])
  // A desk's charts grow with its screen (about a third of its height), within reason.
  const size = desk ? `clamp(${height}px, 36vh, ${Math.round(height * 1.8)}px)` : `${height}px`
  return <View id={id} ref={ref as never} className='chart chart--h5' style={{ height: size }} data-kind={spec.kind} />
}

function ViewChart({ id, spec }: { id: string; spec: ChartSpec }) {
  if (spec.kind === 'share') {
    const total = spec.parts.reduce((a, p) => a + p.value, 0)
    return (
      <View id={id} className='chart' data-kind='share'>
        <View className='chart__stack'>
          {spec.parts.map((p) => (
            <View key={p.name} className='chart__segment' style={{ width: `${total ? (p.value / total) * 100 : 0}%`, background: p.color }} />
          ))}
        </View>
        {spec.parts.map((p) => (
          <View key={p.name} className='chart__legend'>
            <View className='chart__swatch' style={{ background: p.color }} />
            <Text>
              {p.name}：{p.value}
              {total ? `（${Math.round((p.value / total) * 100)}%）` : ''}
            </Text>
          </View>
        ))}
      </View>
    )
  }
  const max = Math.max(1, ...spec.series.flatMap((s) => s.values))
  return (
    <View id={id} className='chart' data-kind='bar'>
      <View className='chart__legend-row'>
        {spec.series.map((s) => (
          <View key={s.name} className='chart__legend'>
            <View className='chart__swatch' style={{ background: s.color }} />
            <Text>{s.name}</Text>
          </View>
        ))}
      </View>
      {spec.categories.map((c, i) => (
        <View key={c} className='chart__row'>
          <Text className='chart__label'>{c}</Text>
          <View className='chart__bars'>
            {spec.series.map((s) => (
              <View key={s.name} className='chart__bar-line'>
                <View className='chart__bar' style={{ width: `${(s.values[i]! / max) * 85}%`, background: s.color }} />
                <Text className='chart__value'>{s.values[i]}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
