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
