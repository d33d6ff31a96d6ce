import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { notFound } from 'next/navigation'

import { Footer } from '@/components/Footer'
import { Header } from '@/components/Header'
import { getDictionary } from '@/site/dictionary'
import { htmlLang, isLocale, siteURL } from '@/site/i18n'
import { feedAlternates } from '@/site/metadata'
import { getSite } from '@/content/site'

import './styles.css'

type Params = Promise<{ locale: string }>

const markScriptable = "document.documentElement.classList.add('js')"

// Pages render per request from the data cache (src/content/cachedQuery.ts), whose tags the
// collections' hooks expire on every published edit. Caching whole rendered pages as well (ISR)
// left client-side navigations showing a page from before an edit: Next refreshed the HTML but
// not the prefetched segment data. Whole-page caching is for the performance work to bring back
// once that is solved; nothing is rendered at build time, which has no database to read.
export const dynamic = 'force-dynamic'

export const viewport: Viewport = { themeColor: '#0b6b43', width: 'device-width', initialScale: 1 }

export const generateMetadata = async ({ params }: { params: Params }): Promise<Metadata> => {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const site = await getSite({ locale })
  const name = site.name || getDictionary(locale).siteName
  return {
    metadataBase: new URL(siteURL()),
    title: { default: name, template: `%s · ${name}` },
    description: site.tagline || undefined,
    applicationName: name,
    alternates: { types: feedAlternates({ locale }) },
  }
}

const LocaleLayout = async ({ children, params }: { children: ReactNode; params: Params }) => {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const [site, dictionary] = [await getSite({ locale }), getDictionary(locale)]
  return (
    // The `js` class is set before the body is painted, so what only works with a script (the
    // recordings' Play button) shows from the first frame, without shifting the page; React may
    // hydrate a page (one with a React island), hence suppressHydrationWarning on this element.
    <html lang={htmlLang[locale]} suppressHydrationWarning>
      <body>
        <script dangerouslySetInnerHTML={{ __html: markScriptable }} />
        <script src="/islands.js" async />
        <a className="skip-link" href="#content">
          {dictionary.skipToContent}
        </a>
        <Header site={site} locale={locale} dictionary={dictionary} />
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <Footer site={site} locale={locale} dictionary={dictionary} />
      </body>
    </html>
  )
}

export default LocaleLayout
