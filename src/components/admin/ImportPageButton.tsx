'use client'

import type { ChangeEvent } from 'react'

import { Banner, Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useRef, useState } from 'react'

type ImportNote = { confidence: 'low' | 'medium'; text: string }

type ImportState =
  | { status: 'idle' }
  | { status: 'uploading'; fileName: string }
  | { status: 'failed'; message: string }
  | {
      status: 'done'
      message: string
      adminURL: string
      notes: ImportNote[]
    }

const words = {
  en: {
    button: 'Import an old page',
    importing: (name: string) => `Importing ${name}…`,
    input: 'Old news page to import',
    address: 'Its old address, if the page does not say (optional): /news/2019/1234.html',
    failed: (status: number) => `The import failed (${status}).`,
    unreachable: 'The server could not be reached. Try again.',
    open: 'Open the draft',
    toCheck: (count: number, uncertain: number) =>
      ` — ${count} point${count === 1 ? '' : 's'} to check` +
      `${uncertain > 0 ? ` (${uncertain} uncertain)` : ''}, listed under Import notes.`,
  },
  zh: {
    button: '导入旧网页',
    importing: (name: string) => `正在导入 ${name}…`,
    input: '要导入的旧新闻网页',
    address: '网页未注明时填写其旧地址（可选）：/news/2019/1234.html',
    failed: (status: number) => `导入失败（${status}）。`,
    unreachable: '无法连接服务器，请重试。',
    open: '打开草稿',
    toCheck: (count: number, uncertain: number) =>
      ` — 有 ${count} 处需要核对${uncertain > 0 ? `（${uncertain} 处不确定）` : ''}，见"导入备注"。`,
  },
}

// Above the meetings list: upload one old news page (.txt or .html) and get a link to the
// draft meeting made from it. (The server's messages stay in English: they quote the page.)
export const ImportPageButton = () => {
  const { i18n } = useTranslation()
  const text = i18n.language === 'zh' ? words.zh : words.en
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const input = useRef<HTMLInputElement>(null)
  const [state, setState] = useState<ImportState>({ status: 'idle' })
  const [address, setAddress] = useState('')

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setState({ status: 'uploading', fileName: file.name })
    const form = new FormData()
    form.append('file', file)
    // Payload takes data beside a file as JSON in `_payload`.
    if (address.trim()) form.append('_payload', JSON.stringify({ address: address.trim() }))
    try {
      const response = await fetch(`${serverURL}${api}/meetings/import`, {
        method: 'POST',
        body: form,
        credentials: 'include',
      })
      const body = await response.json()
      if (!response.ok) {
        setState({
          status: 'failed',
          message: body.message ?? text.failed(response.status),
        })
        return
      }
      setAddress('')
      setState({
        status: 'done',
        message: body.message,
        adminURL: body.adminURL,
        notes: body.notes,
      })
    } catch {
      setState({ status: 'failed', message: text.unreachable })
    }
  }

  const lowNotes = state.status === 'done' ? state.notes.filter((n) => n.confidence === 'low') : []

  return (
    <div className="import-page" style={{ marginBottom: 'var(--base)' }}>
      <input
        ref={input}
        type="file"
        accept=".txt,.html,.htm,text/plain,text/html"
        onChange={upload}
        hidden
        aria-label={text.input}
      />
      <input
        type="text"
        value={address}
        onChange={(event) => setAddress(event.target.value)}
        placeholder={text.address}
        aria-label={text.address}
        style={{ width: '100%', maxWidth: '32rem', marginRight: 'var(--base)' }}
      />
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={state.status === 'uploading'}
        onClick={() => input.current?.click()}
      >
        {state.status === 'uploading' ? text.importing(state.fileName) : text.button}
      </Button>
      {state.status === 'failed' && <Banner type="error">{state.message}</Banner>}
      {state.status === 'done' && (
        <Banner type={lowNotes.length > 0 ? 'info' : 'success'}>
          {/* A full load, not Next's client navigation: the draft may be in the other content
              language, and the pickers of a client-side switch kept the names of the one before. */}
          {state.message} <a href={state.adminURL}>{text.open}</a>
          {state.notes.length > 0 && text.toCheck(state.notes.length, lowNotes.length)}
        </Banner>
      )}
    </div>
  )
}
