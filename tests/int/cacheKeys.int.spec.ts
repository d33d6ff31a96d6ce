import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { normalisedPageURL, pageParameters } from '@/server/cacheKeys.mjs'

const pagesDir = path.resolve('src/app/(frontend)/[locale]')

/** The query parameters a page's code reads from its searchParams. */
const parametersRead = (source: string) => {
  const names = new Set<string>()
  for (const [, name] of source.matchAll(/searchParams\)?\.(\w+)/g)) names.add(name)
  for (const [, list] of source.matchAll(
    /\{\s*([\w\s,]+?)\s*\}\s*=\s*(?:await\s+)?searchParams/g,
  )) {
    for (const name of list.split(',')) names.add(name.trim())
  }
  return [...names].sort()
}

describe('page cache keys', () => {
  it('keep only the parameters each page reads, in one order', () => {
    expect(normalisedPageURL('/meetings?utm_source=news&page=2&year=2022')).toBe(
      '/meetings?year=2022&page=2',
    )
    expect(normalisedPageURL('/meetings?page=2&year=2022')).toBe('/meetings?year=2022&page=2')
    expect(normalisedPageURL('/zh/search?fbclid=abc&q=%E6%B0%94%E5%80%99')).toBe(
      '/zh/search?q=%E6%B0%94%E5%80%99',
    )
    expect(normalisedPageURL('/search?q=sea+level')).toBe('/search?q=sea+level')
    expect(normalisedPageURL('/meetings/green-industry?x=1')).toBe('/meetings/green-industry')
    expect(normalisedPageURL('/?from=singlemessage&isappinstalled=0')).toBe('/')
    expect(normalisedPageURL('/speakers/?page=3&random=1')).toBe('/speakers/?page=3')
    expect(normalisedPageURL('/photos?_rsc=1x2y&page=2')).toBe('/photos?page=2&_rsc=1x2y')
    expect(normalisedPageURL('/constructor?constructor=1')).toBe('/constructor')
    expect(normalisedPageURL('/services')).toBe('/services')
  })

  it('name every parameter the pages read, and only those', () => {
    const read: Record<string, string[]> = {}
    for (const section of fs.readdirSync(pagesDir)) {
      const file = path.join(pagesDir, section, 'page.tsx')
      if (!fs.existsSync(file)) continue
      const names = parametersRead(fs.readFileSync(file, 'utf8'))
      if (names.length > 0) read[section] = names
    }
    const declared = Object.fromEntries(
      Object.entries(pageParameters).map(([section, names]) => [section, [...names].sort()]),
    )
    expect(read).toEqual(declared)
  })
})
