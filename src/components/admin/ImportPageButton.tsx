'use client'

import type { ChangeEvent } from 'react'

import { Banner, Button, useConfig } from '@payloadcms/ui'
import Link from 'next/link'
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

// Above the meetings list: upload one old news page (.txt or .html) and get a link to the
// draft meeting made from it.
export const ImportPageButton = () => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const input = useRef<HTMLInputElement>(null)
  const [state, setState] = useState<ImportState>({ status: 'idle' })

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setState({ status: 'uploading', fileName: file.name })
    const form = new FormData()
    form.append('file', file)
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
          message: body.message ?? `The import failed (${response.status}).`,
        })
        return
      }
      setState({
        status: 'done',
        message: body.message,
        adminURL: body.adminURL,
        notes: body.notes,
      })
    } catch {
      setState({ status: 'failed', message: 'The server could not be reached. Try again.' })
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
        aria-label="Old news page to import"
      />
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={state.status === 'uploading'}
        onClick={() => input.current?.click()}
      >
        {state.status === 'uploading' ? `Importing ${state.fileName}…` : 'Import an old page'}
      </Button>
      {state.status === 'failed' && <Banner type="error">{state.message}</Banner>}
      {state.status === 'done' && (
        <Banner type={lowNotes.length > 0 ? 'info' : 'success'}>
          {state.message} <Link href={state.adminURL}>Open the draft</Link>
          {state.notes.length > 0 &&
            ` — ${state.notes.length} point${state.notes.length === 1 ? '' : 's'} to check` +
              `${lowNotes.length > 0 ? ` (${lowNotes.length} uncertain)` : ''}, listed under Import notes.`}
        </Banner>
      )}
    </div>
  )
}
