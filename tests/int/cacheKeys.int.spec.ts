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
    expect(
      normalisedPageURL('/zh/editions/2031/programme?topic=Finance&utm_x=1&kind=plenary'),
    ).toBe('/zh/editions/2031/programme?kind=plenary&topic=Finance')
    expect(normalisedPageURL('/editions/2031?kind=plenary')).toBe('/editions/2031')
    expect(normalisedPageURL('/zh?page=2')).toBe('/zh')
  })

  it('name every parameter the pages read, and only those', () => {
    const read: Record<string, string[]> = {}
    for (const file of fs.readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })) {
      if (path.basename(file) !== 'page.tsx') continue
      const names = parametersRead(fs.readFileSync(path.join(pagesDir, file), 'utf8'))
      if (names.length > 0) read[path.dirname(file)] = names
    }
    const declared = Object.fromEntries(
      Object.entries(pageParameters).map(([section, names]) => [section, [...names].sort()]),
    )
    expect(read).toEqual(declared)
  })
})
