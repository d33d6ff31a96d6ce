'use client'

import type { DefaultCellComponentProps, GroupFieldClientComponent } from 'payload'
import type { ComponentProps } from 'react'

import type { Locale } from '@/site/i18n'
import type { TranslationState, TranslationStatus } from '@/payload/translationStatus'

import { FieldLabel, Pill, useFormFields, useTranslation } from '@payloadcms/ui'

import { locales } from '@/site/i18n'
import { statusIn } from '@/payload/translationStatus'

const words = {
  en: {
    title: 'Translation',
    en: 'EN',
    zh: '中文',
    complete: 'complete',
    missing: 'missing',
    outdated: 'outdated',
    changed: 'changed',
    explain: 'Outdated: the other language was changed after this one.',
  },
  zh: {
    title: '翻译',
    en: 'EN',
    zh: '中文',
    complete: '完整',
    missing: '缺失',
    outdated: '待更新',
    changed: '修改于',
    explain: '待更新：另一种语言在此之后有修改。',
  },
} as const

const pillStyles: Record<TranslationStatus, ComponentProps<typeof Pill>['pillStyle']> = {
  complete: 'success',
  missing: 'error',
  outdated: 'warning',
}

const useWords = () => {
  const { i18n } = useTranslation()
  return i18n.language === 'zh' ? words.zh : words.en
}

const StatusPills = ({ state }: { state?: null | TranslationState }) => {
  const text = useWords()
  return (
    <span style={{ display: 'inline-flex', gap: 'calc(var(--base) / 4)', flexWrap: 'wrap' }}>
      {locales.map((locale) => {
        const status = statusIn({ state, locale })
        return (
          <Pill key={locale} size="small" pillStyle={pillStyles[status]}>
            {`${text[locale]} ${text[status]}`}
          </Pill>
        )
      })}
    </span>
  )
}

// A list column: both languages' status, from the row's `translation` group.
export const TranslationStatusCell = ({ rowData }: DefaultCellComponentProps) => (
  <StatusPills state={rowData.translation as TranslationState | undefined} />
)

const formatDate = ({ value, language }: { value: string; language: string }) =>
  new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(value))

// The `translation` group in the edit view's sidebar: its status as of the last save.
export const TranslationStatusField: GroupFieldClientComponent = ({ path }) => {
  const text = useWords()
  const { i18n } = useTranslation()
  const fields = useFormFields(([formFields]) => formFields)
  const prefix = `${path ?? 'translation'}.`
  const state = Object.fromEntries(
    Object.entries(fields)
      .filter(([fieldPath]) => fieldPath.startsWith(prefix))
      .map(([fieldPath, field]) => [fieldPath.slice(prefix.length), field.value]),
  ) as TranslationState
  const changes = locales
    .map((locale: Locale) => ({ locale, at: state[`${locale}ChangedAt`] }))
    .filter((change): change is { locale: Locale; at: string } => Boolean(change.at))
  return (
    <div className="field-type translation-status" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={text.title} />
      <div>
        <StatusPills state={state} />
      </div>
      {changes.map(({ locale, at }) => (
        <div key={locale} style={{ color: 'var(--theme-elevation-500)', marginTop: 4 }}>
          {`${text[locale]} ${text.changed} ${formatDate({ value: at, language: i18n.language })}`}
        </div>
      ))}
      <div style={{ color: 'var(--theme-elevation-500)', marginTop: 4 }}>{text.explain}</div>
    </div>
  )
}
