import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.scss'

export interface Column<T> {
  key: string
  title: string
  render: (row: T) => ReactNode
  /** A sortable column: the sort values for ascending and descending (the list's own `sort`). */
  sort?: readonly [asc: string, desc: string]
  /** CSS width of the column, e.g. '20%'. */
  width?: string
}

interface Props<T> {
  /** The table's element id (the phone list's id, so tests find the list either way). */
  id: string
  caption: string
  columns: ReadonlyArray<Column<T>>
  rows: readonly T[]
  /** Each row's element id (the phone card's id). */
  rowId: (row: T) => string
  /** The sort in force (one of the columns' values), and what a header click asks for. */
  sort?: string
  onSort?: (sort: string) => void
  /** The row shown beside the list, if any. */
  selected?: string | null
  onOpen: (row: T) => void
  page?: { page: number; pages: number; onPage: (page: number) => void; prefix: string }
  rowTone?: (row: T) => 'warn' | undefined
}

/**
 * A desk's list as a real table (H5 only; phones keep their cards): header buttons sort by the
 * column (again: the other way), and the keyboard works it without a mouse — ↑/↓ move through the
 * rows, Enter opens one, PageUp/PageDown turn the page, Home/End jump. Pagination and filters stay
 * the list's own; sorting asks the server where the list can (see each page).
 */
export default function DataTable<T>({ id, caption, columns, rows, rowId, sort, onSort, selected, onOpen, page, rowTone }: Props<T>) {
  const [active, setActive] = useState(0)
  const body = useRef<HTMLTableSectionElement>(null)
  useEffect(() => setActive((a) => Math.min(a, Math.max(0, rows.length - 1))), [rows.length])
  useEffect(() => {
    body.current?.querySelectorAll('tr')[active]?.scrollIntoView({ block: 'nearest' })
  }, [active])

  const onKey = (e: KeyboardEvent) => {
    // Keys on a header's sort button are the button's own.
    if (e.target !== e.currentTarget) return
    const last = rows.length - 1
    const move: Record<string, () => void> = {
      ArrowDown: () => setActive(Math.min(last, active + 1)),
      ArrowUp: () => setActive(Math.max(0, active - 1)),
      Home: () => setActive(0),
      End: () => setActive(last),
      Enter: () => rows[active] && onOpen(rows[active]!),
      PageDown: () => page && page.page < page.pages && page.onPage(page.page + 1),
      PageUp: () => page && page.page > 1 && page.onPage(page.page - 1),
    }
    const action = move[e.key]
    if (!action) return
    e.preventDefault()
    action()
  }

  if (process.env.TARO_ENV !== 'h5') return null
  return (
    <View className='data-table'>
      <table id={id} className='data-table__table' aria-label={caption} tabIndex={0} onKeyDown={onKey} aria-activedescendant={rows[active] ? rowId(rows[active]!) : undefined}>
        <caption className='data-table__caption'>{caption}（↑↓ 选择，Enter 打开，PageUp/PageDown 翻页）</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const dir = c.sort && sort === c.sort[0] ? 'ascending' : c.sort && sort === c.sort[1] ? 'descending' : undefined
              return (
                <th key={c.key} scope='col' style={c.width ? { width: c.width } : undefined} aria-sort={dir ?? (c.sort ? 'none' : undefined)}>
                  {c.sort && onSort ? (
                    <button id={`${id}-sort-${c.key}`} type='button' className='data-table__sort' onClick={() => onSort(dir === 'ascending' ? c.sort![1] : c.sort![0])}>
                      {c.title}
                      <span className='data-table__arrow'>{dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : ' ⇅'}</span>
                    </button>
                  ) : (
                    c.title
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row, i) => {
            const key = rowId(row)
            const classes = ['data-table__row', i === active ? 'data-table__row--active' : '', key === selected ? 'data-table__row--selected' : '', rowTone?.(row) === 'warn' ? 'data-table__row--warn' : '']
            return (
              <tr
                key={key}
                id={key}
                className={classes.filter(Boolean).join(' ')}
                aria-selected={key === selected}
                onClick={() => {
                  setActive(i)
                  onOpen(row)
                }}
              >
                {columns.map((c) => (
                  <td key={c.key}>{c.render(row)}</td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
      {page && (
        <View className='data-table__pager'>
          <button id={`${page.prefix}-prev`} type='button' className='data-table__page-button' disabled={page.page <= 1} onClick={() => page.onPage(page.page - 1)}>
            上一页
          </button>
          <span id={`${page.prefix}-page`}>
            第 {page.page} / {page.pages} 页
          </span>
          <button id={`${page.prefix}-next`} type='button' className='data-table__page-button' disabled={page.page >= page.pages} onClick={() => page.onPage(page.page + 1)}>
            下一页
          </button>
        </View>
      )}
    </View>
  )
}
