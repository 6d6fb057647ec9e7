import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EXPORT_STATUS_LABELS, roleCan, type ExportJob, type Role } from '@qstx/shared'
import { ApiError } from '../../../../api/http'
import { downloadReady, requestExport, useExportJob, type ExportPath } from '../../../../api/reports'
import { formatDateTime } from '../../../../utils/format'
import './index.scss'

const EXPORTS: Array<{ id: string; label: string; path: ExportPath; action: 'export.child_ledger' | 'export.pairing_ledger' | 'report.annual' }> = [
  { id: 'export-child-xlsx', label: '儿童个人信息台账（Excel）', path: 'child-ledger.xlsx', action: 'export.child_ledger' },
  { id: 'export-child-pdf', label: '儿童个人信息台账（PDF打印）', path: 'child-ledger.pdf', action: 'export.child_ledger' },
  { id: 'export-pairing', label: '结对台账（Excel）', path: 'pairing-ledger.xlsx', action: 'export.pairing_ledger' },
  { id: 'export-annual', label: '年度工作进展情况（Excel）', path: 'annual-report.xlsx', action: 'report.annual' },
]

/**
 * The export buttons this role may use, for one region (undefined: the viewer's own) and year. A
 * small export comes straight back as a file; a large one runs in the background and is watched
 * here until its download link is ready. Shared by 工作统计 and the directors' 台账导出 page.
 */
export default function ExportPanel({ role, regionCode, year }: { role: Role; regionCode?: string; year: number }) {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const job = useExportJob(jobId)

  async function start(id: string, path: ExportPath) {
    setBusy(id)
    setError(null)
    setSaved(null)
    try {
      const outcome = await requestExport(path, { regionCode, year: path === 'pairing-ledger.xlsx' ? undefined : year })
      if (outcome.kind === 'file') setSaved(outcome.fileName)
      else setJobId(outcome.job.id)
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '导出失败，请稍后再试')
    } finally {
      setBusy(null)
    }
  }

  return (
    <View id='dashboard-exports' className='card'>
      <Text className='section-title'>导出</Text>
      <Text className='muted export-panel__line'>导出内容含个人信息，仅限工作使用，每次导出均有记录。</Text>
      {EXPORTS.filter((e) => roleCan(role, e.action)).map((e) => (
        <Button key={e.id} id={e.id} className='export-panel__button' size='large' block loading={busy === e.id} disabled={busy !== null} onClick={() => void start(e.id, e.path)}>
          {e.label}
        </Button>
      ))}
      {error && (
        <Text id='export-error' className='form-error'>
          {error}
        </Text>
      )}
      {saved && (
        <Text id='export-saved' className='export-panel__line'>
          已下载：{saved}
        </Text>
      )}
      {job.data && <ExportJobCard job={job.data} />}
    </View>
  )
}

function ExportJobCard({ job }: { job: ExportJob }) {
  return (
    <View id='export-job' className='export-panel__job'>
      <Text id='export-status' className='export-panel__line'>
        {EXPORT_STATUS_LABELS[job.status]}：{job.rowsDone} / {job.rows} 条
      </Text>
      <View className='export-panel__progress'>
        <View id='export-progress' className='export-panel__progress-bar' style={{ width: `${job.progress}%` }} />
      </View>
      {job.error && <Text className='form-error'>{job.error}</Text>}
      {job.download && (
        <Button id='export-download' type='primary' size='large' block onClick={() => void downloadReady(job)}>
          下载（{formatDateTime(job.download.expiresAt)}前有效）
        </Button>
      )}
    </View>
  )
}
