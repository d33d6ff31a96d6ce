export const locales = ['en', 'zh'] as const

export type Locale = (typeof locales)[number]

export const defaultLocale: Locale = 'en'

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (locales as readonly string[]).includes(value)

export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-Hans' }

export const ogLocale: Record<Locale, string> = { en: 'en_GB', zh: 'zh_CN' }

// English lives at the unprefixed address (the canonical one); Chinese under /zh.
export const localePath = ({ locale, path }: { locale: Locale; path: string }): string => {
  const clean = path === '/' ? '' : path
  return locale === defaultLocale ? clean || '/' : `/${locale}${clean}`
}

export const siteURL = (): string =>
  (process.env.NEXT_PUBLIC_SERVER_URL || 'http://localhost:3000').replace(/\/+$/, '')

export const absoluteURL = ({ locale, path }: { locale: Locale; path: string }): string =>
  `${siteURL()}${localePath({ locale, path })}`
