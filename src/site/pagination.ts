import type { Locale } from './i18n'

import { isLocale } from './i18n'

// `?page=` as list pages read it: absent is page 1; anything but a plain positive number (?page=abc,
// ?page=0, repeated) is a broken address, null, and the page answers 404 rather than guess.
export const parsePageParam = (value: string | string[] | undefined): null | number => {
  if (value === undefined) return 1
  if (typeof value !== 'string' || !/^[1-9]\d{0,4}$/.test(value)) return null
  return Number(value)
}

// The address of page `page` of a list: page 1 is the list's own address, so it has one URL.
export const pathOfPageNumber = ({ path, page }: { path: string; page: number }): string =>
  page > 1 ? `${path}?page=${page}` : path

// "Speakers · Page 2": a later page of a list is titled as such, so that search results and
// browser tabs tell the pages apart. `pageNumber` is the dictionary's "Page {page}".
export const titleOfPage = ({
  title,
  page,
  pageNumber,
}: {
  title: string
  page: number
  pageNumber: string
}): string => (page > 1 ? `${title} · ${pageNumber.replace('{page}', String(page))}` : title)

export type ListPageProps = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

// The language and page number of a paged list's address, or null when it is not one (404).
export const readListPage = async ({
  params,
  searchParams,
}: ListPageProps): Promise<{ locale: Locale; page: number } | null> => {
  const { locale } = await params
  const page = parsePageParam((await searchParams).page)
  return isLocale(locale) && page !== null ? { locale, page } : null
}
