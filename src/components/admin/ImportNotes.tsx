'use client'

import type { JSONFieldClientComponent } from 'payload'

import type { ImportNote, NoteRecord } from '@/import/notes'

import { Button, Pill, toast, useConfig, useField, useLocale, useTranslation } from '@payloadcms/ui'
import { stringify } from 'qs-esm'
import { useCallback, useEffect, useMemo, useState } from 'react'

import { readImportNotes } from '@/import/notes'

const words = {
  en: {
    label: 'Import notes',
    low: 'uncertain',
    medium: 'to check',
    awaiting: 'awaiting confirmation',
    confirmed: 'confirmed',
    gone: 'merged or deleted',
    confirm: 'Confirm',
    confirmAll: (count: number) => `Confirm all ${count} new records`,
    confirmedToast: (name: string) => `${name} is confirmed.`,
    failed: (name: string) => `${name} could not be confirmed; reload and try again.`,
    open: 'Open',
  },
  zh: {
    label: '导入备注',
    low: '不确定',
    medium: '待核对',
    awaiting: '待确认',
    confirmed: '已确认',
    gone: '已合并或删除',
    confirm: '确认',
    confirmAll: (count: number) => `确认全部 ${count} 条新记录`,
    confirmedToast: (name: string) => `已确认：${name}`,
    failed: (name: string) => `未能确认 ${name}，请刷新后重试。`,
    open: '打开',
  },
}

// `locale`: one the record has a name in, to save it in: a person a Chinese page's import created
// has only a Chinese name, and saved in English would fail validation (name is required).
type RecordState = { label: string; needsConfirmation: boolean; locale: string }

type Localized = Record<string, string | null | undefined> | string | null | undefined

const inLocale = (value: Localized, locale: string): string | undefined => {
  if (!value || typeof value === 'string') return value ?? undefined
  return value[locale] ?? Object.values(value).find(Boolean) ?? undefined
}

const localeOfName = (name: Localized, locale: string): string => {
  if (!name || typeof name === 'string' || name[locale]) return locale
  return Object.keys(name).find((key) => name[key]) ?? locale
}

const keyOf = ({ relationTo, value }: NoteRecord) => `${relationTo}:${value}`

const fetchStates = async ({
  api,
  locale,
  records,
}: {
  api: string
  locale: string
  records: NoteRecord[]
}): Promise<Map<string, RecordState>> => {
  const found = new Map<string, RecordState>()
  for (const relationTo of ['speakers', 'organisations', 'meetings'] as const) {
    const ids = records.filter((r) => r.relationTo === relationTo).map(({ value }) => value)
    if (ids.length === 0) continue
    const query = stringify({
      where: { id: { in: ids } },
      // A meeting (a possible duplicate) is named by its title and needs no confirmation.
      select:
        relationTo === 'meetings'
          ? { title: true }
          : { label: true, name: true, needsConfirmation: true },
      ...(relationTo === 'meetings' ? { draft: true } : {}),
      depth: 0,
      limit: ids.length,
      locale: 'all',
    })
    const response = await fetch(`${api}/${relationTo}?${query}`, { credentials: 'include' })
    if (!response.ok) continue
    const { docs } = (await response.json()) as {
      docs: {
        id: string
        label?: Localized
        name?: Localized
        title?: Localized
        needsConfirmation?: boolean
      }[]
    }
    for (const doc of docs)
      found.set(keyOf({ relationTo, value: doc.id }), {
        label:
          inLocale(doc.label, locale) ??
          inLocale(doc.name, locale) ??
          inLocale(doc.title, locale) ??
          '',
        needsConfirmation: Boolean(doc.needsConfirmation),
        locale: localeOfName(doc.name, locale),
      })
  }
  return found
}

// The current name and standing of every record the notes are about, read with the editor's own
// session, as the admin's own lists read them; `reload` after a change.
const useRecords = (records: NoteRecord[]) => {
  const { config } = useConfig()
  const { code: locale } = useLocale()
  const [states, setStates] = useState<Map<string, RecordState> | null>(null)
  const [version, setVersion] = useState(0)
  const api = `${config.serverURL}${config.routes.api}`
  const wanted = useMemo(() => [...new Map(records.map((r) => [keyOf(r), r])).values()], [records])

  useEffect(() => {
    let isCurrent = true
    void fetchStates({ api, locale, records: wanted }).then((found) => {
      if (isCurrent) setStates(found)
    })
    return () => {
      isCurrent = false
    }
  }, [api, locale, wanted, version])

  const confirm = useCallback(
    async (record: NoteRecord, locale: string) => {
      const query = stringify({ locale, depth: 0 })
      const response = await fetch(`${api}/${record.relationTo}/${record.value}?${query}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ needsConfirmation: false }),
      })
      return response.ok
    },
    [api],
  )
  const reload = useCallback(() => setVersion((current) => current + 1), [])
  return { states, reload, confirm }
}

const NoteLine = ({
  note,
  state,
  text,
  adminRoute,
  onConfirm,
}: {
  note: ImportNote
  state?: RecordState | null
  text: (typeof words)['en']
  adminRoute: string
  onConfirm: (record: NoteRecord) => void
}) => {
  const record = note.record
  return (
    <li className="import-notes__note">
      <Pill size="small" pillStyle={note.confidence === 'low' ? 'warning' : 'light'}>
        {text[note.confidence]}
      </Pill>{' '}
      {note.text}
      {record && state !== undefined && (
        <div className="import-notes__record">
          {state === null ? (
            <em>{text.gone}</em>
          ) : (
            <>
              <a href={`${adminRoute}/collections/${record.relationTo}/${record.value}`}>
                {`${text.open}: ${state.label}`}
              </a>{' '}
              {state.needsConfirmation ? (
                <Button
                  buttonStyle="secondary"
                  size="small"
                  margin={false}
                  onClick={() => onConfirm(record)}
                >
                  {text.confirm}
                </Button>
              ) : (
                <Pill size="small" pillStyle="success">
                  {text.confirmed}
                </Pill>
              )}
            </>
          )}
        </div>
      )}
    </li>
  )
}

// The meeting's import notes as a checklist: each note about a speaker or organisation the import
// created or matched links to it, and what is awaiting confirmation can be confirmed here (or
// merged into the record it duplicates, from its own page). Publishing is refused until every
// record the meeting names is confirmed (collections/Meetings/hooks/refuseUnconfirmedPeople.ts).
export const ImportNotes: JSONFieldClientComponent = ({ path }) => {
  const { value } = useField<unknown>({ path })
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const text = i18n.language === 'zh' ? words.zh : words.en
  const { summary, notes } = useMemo(() => readImportNotes(value), [value])
  const records = useMemo(() => notes.flatMap(({ record }) => (record ? [record] : [])), [notes])
  const { states, reload, confirm } = useRecords(records)

  const stateOf = (record?: NoteRecord) =>
    record && states ? (states.get(keyOf(record)) ?? null) : undefined
  const awaiting = [...new Map(records.map((r) => [keyOf(r), r])).values()].filter(
    (record) => stateOf(record)?.needsConfirmation,
  )

  const confirmRecords = async (list: NoteRecord[]) => {
    for (const record of list) {
      const { label, locale } = stateOf(record) ?? { label: '', locale: 'en' }
      if (await confirm(record, locale)) toast.success(text.confirmedToast(label))
      else toast.error(text.failed(label))
    }
    reload()
  }

  if (!value) return null
  return (
    <div
      id={`field-${path.replace(/\./g, '__')}`}
      className="field-type import-notes"
      style={{ marginBottom: 'var(--base)' }}
    >
      <span className="field-label">{text.label}</span>
      {summary.map((line, index) => (
        <p key={index} className="import-notes__summary">
          {line}
        </p>
      ))}
      <ul className="import-notes__list" style={{ paddingLeft: 0, listStyle: 'none' }}>
        {notes.map((note, index) => (
          <NoteLine
            key={index}
            note={note}
            state={stateOf(note.record)}
            text={text}
            adminRoute={config.routes.admin}
            onConfirm={(record) => void confirmRecords([record])}
          />
        ))}
      </ul>
      {awaiting.length > 1 && (
        <Button buttonStyle="primary" size="small" onClick={() => void confirmRecords(awaiting)}>
          {text.confirmAll(awaiting.length)}
        </Button>
      )}
    </div>
  )
}
