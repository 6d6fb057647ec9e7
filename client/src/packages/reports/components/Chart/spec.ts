/** What a chart shows, independent of how a platform draws it (echarts on H5, Views on weapp). */
export interface BarSpec {
  kind: 'bar'
  categories: string[]
  series: Array<{ name: string; color: string; values: number[] }>
}
export interface ShareSpec {
  kind: 'share'
  parts: Array<{ name: string; color: string; value: number }>
}
export type ChartSpec = BarSpec | ShareSpec

export const COLORS = { blue: '#2563eb', orange: '#c2410c', green: '#15803d', red: '#b91c1c', grey: '#6b7280', amber: '#b45309' } as const
