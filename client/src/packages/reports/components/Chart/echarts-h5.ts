/**
 * echarts for the H5 (desk) build only, loaded on demand (a chunk of its own): the core plus the
 * two chart types and three components the dashboard uses, registered once — not the whole
 * library. The weapp build never reaches this file (see Chart/index.tsx).
 */
import * as echarts from 'echarts/core'
import { BarChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { ChartSpec } from './spec'

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

function optionOf(spec: ChartSpec) {
  const font = { fontSize: 13 }
  if (spec.kind === 'share') {
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0, textStyle: font },
      series: [{
        type: 'pie', radius: ['38%', '66%'], center: ['50%', '44%'], label: { formatter: '{b}\n{c}', ...font },
        data: spec.parts.map((p) => ({ name: p.name, value: p.value, itemStyle: { color: p.color } })),
      }],
    }
  }
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: font },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 30 : 0, ...font } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: font },
    series: spec.series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.color }, barMaxWidth: 28 })),
  }
}

export function draw(el: HTMLElement, spec: ChartSpec): { update(spec: ChartSpec): void; dispose(): void } {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' })
  chart.setOption(optionOf(spec))
  // The chart follows its box, not only the window: a desk's side navigation or a panel beside the
  // list changes the width without any window resize.
  const resize = () => chart.resize()
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize)
  if (observer) observer.observe(el)
  else window.addEventListener('resize', resize)
  return {
    update: (next) => chart.setOption(optionOf(next), true),
    dispose: () => {
      observer?.disconnect()
      window.removeEventListener('resize', resize)
      chart.dispose()
    },
  }
}
