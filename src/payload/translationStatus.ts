import type { Locale } from '@/site/i18n'

import { locales } from '@/site/i18n'

export const translationStatuses = ['complete', 'missing', 'outdated'] as const

export type TranslationStatus = (typeof translationStatuses)[number]

// What the `translation` group of a meeting, page, speaker or organisation holds, per locale:
// its status, when its texts last changed, and when they last caught up with the other locale.
// Not `translation.en`: Payload reads a query path ending in a locale code as a localized field
// in that locale, and refuses `where[translation.en]` as a query of the whole group.
export type TranslationState = {
  [L in Locale as `${L}Status`]?: TranslationStatus | null
} & {
  [L in Locale as `${L}ChangedAt`]?: null | string
} & {
  [L in Locale as `${L}CaughtUpAt`]?: null | string
}

// Autosave writes a translation in many small saves. Saves of one locale within this time of the
// save that brought it up to date are the same translation session, not new changes the other
// language has to follow.
export const translationSessionMs = 60 * 60 * 1000

const isWithin = ({ since, now }: { since?: null | string; now: Date }) =>
  Boolean(since) && now.getTime() - new Date(since as string).getTime() < translationSessionMs

export const statusIn = ({ state, locale }: { state?: null | TranslationState; locale: Locale }) =>
  state?.[`${locale}Status`] ?? 'missing'

// A save of `locale` whose texts changed (or that created the document):
// - the locale's title or name is empty: it is missing;
// - no other language is written yet: it is the original, complete;
// - it was missing or outdated: this save is its translation, now complete;
// - it was complete and is still within its translation session: nothing else changes;
// - it was complete: a change the other languages have not followed, which are now outdated.
export const nextTranslationState = ({
  previous,
  locale,
  hasText,
  textsChanged,
  now,
}: {
  previous?: null | TranslationState
  locale: Locale
  hasText: boolean
  textsChanged: boolean
  now: Date
}): TranslationState => {
  const state: TranslationState = { ...previous }
  for (const code of locales) state[`${code}Status`] ??= 'missing'
  if (!hasText) return { ...state, [`${locale}Status`]: 'missing', [`${locale}CaughtUpAt`]: null }
  if (!textsChanged && state[`${locale}Status`] !== 'missing') return state
  const at = now.toISOString()
  const changed: TranslationState = {
    ...state,
    [`${locale}Status`]: 'complete',
    [`${locale}ChangedAt`]: at,
  }
  const others = locales.filter((code) => code !== locale)
  // The first language written is the original, not a translation of anything.
  if (others.every((code) => state[`${code}Status`] === 'missing')) return changed
  if (state[`${locale}Status`] !== 'complete') return { ...changed, [`${locale}CaughtUpAt`]: at }
  if (isWithin({ since: state[`${locale}CaughtUpAt`], now }))
    return { ...changed, [`${locale}CaughtUpAt`]: at }
  for (const other of others)
    if (changed[`${other}Status`] === 'complete') changed[`${other}Status`] = 'outdated'
  return changed
}

export const needsTranslation = (state?: null | TranslationState): boolean =>
  locales.some((locale) => statusIn({ state, locale }) !== 'complete')
