'use client'

import type { UIFieldClientComponent } from 'payload'

import {
  Banner,
  Button,
  toast,
  useConfig,
  useDocumentInfo,
  useLocale,
  useTranslation,
} from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

type Match = { id: string; name: string }

type Labels = null | string | Record<string, null | string | undefined>

const words = {
  en: {
    title: 'Merge this duplicate into…',
    search: 'Search by name or abbreviation',
    noMatches: 'No other record matches.',
    confirm: (from: string, into: string) =>
      `Move every reference to ${from} onto ${into} and delete ${from}?`,
    merge: 'Merge and delete',
    cancel: 'Cancel',
    merging: 'Merging…',
    merged: (from: string, into: string) => `${from} was merged into ${into}.`,
    failed: (status: number) => `The merge failed (${status}).`,
    unreachable: 'The server could not be reached. Try again.',
    thisRecord: 'this record',
  },
  zh: {
    title: '将此重复记录合并到……',
    search: '按名称或缩写搜索',
    noMatches: '没有其他匹配的记录。',
    confirm: (from: string, into: string) =>
      `将所有对"${from}"的引用移到"${into}"，并删除"${from}"？`,
    merge: '合并并删除',
    cancel: '取消',
    merging: '正在合并……',
    merged: (from: string, into: string) => `"${from}"已合并到"${into}"。`,
    failed: (status: number) => `合并失败（${status}）。`,
    unreachable: '无法连接服务器，请重试。',
    thisRecord: '此记录',
  },
}

// The label is read in every locale, so that a record named only in the other language still
// shows its name (never its id).
const nameIn = ({ label, locale }: { label: Labels; locale: string }): string => {
  if (typeof label === 'string') return label
  const names = Object.values(label ?? {}).filter((name): name is string => Boolean(name))
  return label?.[locale] || names[0] || ''
}

// Waits until typing pauses before searching, as Payload's own pickers do.
const useDebounced = <T,>(value: T, delay: number): T => {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}

// The matches for what was typed; null until there is something to search for.
const useMatches = ({ query, url }: { query: string; url: string }) => {
  const [found, setFound] = useState<{ query: string; matches: Match[] } | null>(null)
  const { code: locale } = useLocale()
  const wanted = query.trim()
  useEffect(() => {
    if (!wanted) return
    const controller = new AbortController()
    const search = new URLSearchParams({
      'where[label][like]': wanted,
      limit: '10',
      depth: '0',
      'select[label]': 'true',
      locale: 'all',
    })
    fetch(`${url}?${search}`, { credentials: 'include', signal: controller.signal })
      .then((response) => response.json())
      .then((body: { docs?: { id: string; label: Labels }[] }) =>
        setFound({
          query: wanted,
          matches: (body.docs ?? [])
            .map(({ id, label }) => ({ id, name: nameIn({ label, locale }) }))
            .filter(({ name }) => name),
        }),
      )
      // An aborted search was overtaken by the next one.
      .catch(() => {})
    return () => controller.abort()
  }, [wanted, url, locale])
  return wanted && found?.query === wanted ? found.matches : null
}

// In the sidebar of a speaker or organisation: pick the record this one duplicates, confirm,
// and the server moves every reference onto it and deletes this one (src/payload/merge.ts).
export const MergeRecord: UIFieldClientComponent = () => {
  const { i18n } = useTranslation()
  const text = i18n.language === 'zh' ? words.zh : words.en
  const { id, collectionSlug, title } = useDocumentInfo()
  const {
    config: {
      routes: { api, admin },
      serverURL,
    },
  } = useConfig()
  const router = useRouter()
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<Match | null>(null)
  const [isMerging, setIsMerging] = useState(false)
  const [error, setError] = useState<null | string>(null)
  const collectionURL = `${serverURL}${api}/${collectionSlug}`
  const matches = useMatches({ query: useDebounced(query, 300), url: collectionURL })

  // A record being created has nothing pointing at it yet.
  if (!id) return null
  const fromName = title || text.thisRecord
  const others = matches?.filter((match) => String(match.id) !== String(id))

  const merge = async (into: Match) => {
    setIsMerging(true)
    setError(null)
    try {
      const response = await fetch(`${collectionURL}/${id}/merge`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ into: into.id }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        setError(body.message ?? text.failed(response.status))
        setIsMerging(false)
        return
      }
      toast.success(text.merged(fromName, into.name))
      router.push(`${serverURL}${admin}/collections/${collectionSlug}/${into.id}`)
    } catch {
      setError(text.unreachable)
      setIsMerging(false)
    }
  }

  return (
    <div className="field-type merge-record" style={{ marginBottom: 'var(--base)' }}>
      <p className="field-label">{text.title}</p>
      {chosen ? (
        <div>
          <p>{text.confirm(fromName, chosen.name)}</p>
          <Button
            buttonStyle="primary"
            size="small"
            disabled={isMerging}
            onClick={() => merge(chosen)}
          >
            {isMerging ? text.merging : text.merge}
          </Button>{' '}
          <Button
            buttonStyle="secondary"
            size="small"
            disabled={isMerging}
            onClick={() => setChosen(null)}
          >
            {text.cancel}
          </Button>
        </div>
      ) : (
        <div>
          <input
            type="search"
            className="merge-record__search"
            aria-label={text.search}
            placeholder={text.search}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ width: '100%' }}
          />
          {others && others.length === 0 && <p>{text.noMatches}</p>}
          {others && others.length > 0 && (
            <ul className="merge-record__matches" style={{ listStyle: 'none', padding: 0 }}>
              {others.map((match) => (
                <li key={match.id}>
                  <Button buttonStyle="subtle" size="small" onClick={() => setChosen(match)}>
                    {match.name}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && <Banner type="error">{error}</Banner>}
    </div>
  )
}
