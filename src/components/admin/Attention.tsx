import type { I18nClient } from '@payloadcms/translations'
import type { Payload, ServerProps } from 'payload'
import type { ReactNode } from 'react'

import type { AttentionItem, AttentionList } from '@/payload/admin/attention'
import type { Locale } from '@/site/i18n'
import type { User } from '@/payload-types'

import { getTranslation } from '@payloadcms/translations'
import Link from 'next/link'

import { isStaff } from '@/payload/access/isStaff'
import {
  awaitingConfirmation,
  draftsAwaitingPublication,
  importedDrafts,
  recentChanges,
  translationsToDo,
} from '@/payload/admin/attention'
import { authorNames } from '@/payload/admin/authors'
import { isLocale, locales } from '@/site/i18n'
import { statusIn } from '@/payload/translationStatus'

import './attention.css'

const words = {
  en: {
    heading: 'Needs attention',
    drafts: 'Drafts waiting for publication',
    neverPublished: 'never published',
    newerDraft: 'published, with unpublished changes',
    translations: 'Translations missing or out of date',
    imports: 'Imported drafts to check',
    confirmations: 'Imported speakers and organisations to confirm',
    changes: 'Last changes',
    by: 'by',
    unknownAuthor: 'unrecorded',
    nothing: 'Nothing here.',
    noTitle: 'No title yet',
    seeAll: 'See all',
    complete: 'complete',
    missing: 'missing',
    outdated: 'outdated',
    more: (count: number) => `and ${count} more in the import notes`,
  },
  zh: {
    heading: '待处理',
    drafts: '等待发布的草稿',
    neverPublished: '从未发布',
    newerDraft: '已发布，有未发布的修改',
    translations: '缺失或过时的翻译',
    imports: '待核对的导入草稿',
    confirmations: '待确认的导入嘉宾和机构',
    changes: '最近修改',
    by: '修改人',
    unknownAuthor: '未记录',
    nothing: '暂无。',
    noTitle: '尚无标题',
    seeAll: '查看全部',
    complete: '完整',
    missing: '缺失',
    outdated: '待更新',
    more: (count: number) => `导入备注中还有 ${count} 条`,
  },
}

type Words = (typeof words)['en']

const localeLabels: Record<Locale, string> = { en: 'EN', zh: '中文' }

const formatDate = ({ value, i18n }: { value: string; i18n: I18nClient }) =>
  new Intl.DateTimeFormat(i18n.language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value))

const collectionName = ({
  payload,
  collection,
  i18n,
  plural = false,
}: {
  payload: Payload
  collection: AttentionItem['collection']
  i18n: I18nClient
  plural?: boolean
}) => {
  const { labels } = payload.collections[collection].config
  return getTranslation(plural ? labels.plural : labels.singular, i18n)
}

type PanelProps<Item extends AttentionItem> = {
  title: string
  list: AttentionList<Item>
  text: Words
  payload: Payload
  i18n: I18nClient
  children: (item: Item) => ReactNode
}

// One bounded list with, under it, a link per collection to the list view filtered the same way.
const Panel = <Item extends AttentionItem>({
  title,
  list,
  text,
  payload,
  i18n,
  children,
}: PanelProps<Item>) => (
  <section className="attention__panel">
    <h3>{title}</h3>
    {list.items.length === 0 ? (
      <p className="attention__empty">{text.nothing}</p>
    ) : (
      <ul>
        {list.items.map((item) => (
          <li key={`${item.collection}-${item.id}`}>
            <Link href={item.href}>{item.title || text.noTitle}</Link> {children(item)}
          </li>
        ))}
      </ul>
    )}
    <p className="attention__see-all">
      {list.seeAll
        .filter(({ totalDocs }) => totalDocs > 0)
        .map(({ collection, totalDocs, href }) => (
          <Link key={collection} href={href}>
            {`${text.seeAll}: ${collectionName({ payload, collection, i18n, plural: true })} (${totalDocs})`}
          </Link>
        ))}
    </p>
  </section>
)

// Above the collection cards on /admin: what staff should look at today. Server-rendered with
// the logged-in user's access (src/payload/admin/attention.ts).
export const Attention = async ({ payload, user, i18n, locale }: ServerProps) => {
  if (!isStaff(user)) return null
  const reader = {
    payload,
    user: user as User,
    locale: isLocale(locale?.code) ? locale.code : undefined,
  }
  const [drafts, translations, imports, confirmations, changes] = await Promise.all([
    draftsAwaitingPublication(reader),
    translationsToDo(reader),
    importedDrafts(reader),
    awaitingConfirmation(reader),
    recentChanges(reader),
  ])
  const names = await authorNames({
    payload,
    user: reader.user,
    ids: [...drafts.items, ...changes.items].map(({ updatedBy }) => updatedBy),
  })
  const text = i18n.language === 'zh' ? words.zh : words.en
  const change = (item: AttentionItem) => (
    <span className="attention__meta">
      {`${formatDate({ value: item.updatedAt, i18n })} · ${text.by} ${
        (item.updatedBy && names.get(item.updatedBy)) || text.unknownAuthor
      }`}
    </span>
  )
  const panel = { text, payload, i18n }

  return (
    <div className="attention">
      <h2>{text.heading}</h2>
      <div className="attention__grid">
        <Panel title={text.drafts} list={drafts} {...panel}>
          {(item) => (
            <>
              <span className="attention__meta">
                {`${collectionName({ payload, collection: item.collection, i18n })} · ${
                  item.wasPublished ? text.newerDraft : text.neverPublished
                }`}
              </span>{' '}
              {change(item)}
            </>
          )}
        </Panel>
        <Panel title={text.translations} list={translations} {...panel}>
          {(item) => (
            <span className="attention__meta">
              {[
                collectionName({ payload, collection: item.collection, i18n }),
                ...locales.map(
                  (code) =>
                    `${localeLabels[code]} ${text[statusIn({ state: item.translation, locale: code })]}`,
                ),
              ].join(' · ')}
            </span>
          )}
        </Panel>
        <Panel title={text.imports} list={imports} {...panel}>
          {(item) => (
            <>
              <span className="attention__meta">{item.legacySource}</span>
              <ul className="attention__notes">
                {item.notes.slice(0, 3).map((note, index) => (
                  <li key={index}>{note}</li>
                ))}
                {item.notes.length > 3 && <li>{text.more(item.notes.length - 3)}</li>}
              </ul>
            </>
          )}
        </Panel>
        <Panel title={text.confirmations} list={confirmations} {...panel}>
          {(item) => (
            <span className="attention__meta">
              {collectionName({ payload, collection: item.collection, i18n })}
            </span>
          )}
        </Panel>
        <Panel title={text.changes} list={changes} {...panel}>
          {(item) => (
            <>
              <span className="attention__meta">
                {collectionName({ payload, collection: item.collection, i18n })}
              </span>{' '}
              {change(item)}
            </>
          )}
        </Panel>
      </div>
    </div>
  )
}
