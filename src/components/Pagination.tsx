import Link from 'next/link'

import type { Dictionary } from '@/site/dictionary'

import { interpolate } from '@/site/dictionary'

// Every page when there are few, else the first, the last and two either side of the current
// one, with gaps marked.
const pageNumbers = ({ page, totalPages }: { page: number; totalPages: number }) => {
  const shown = new Set([1, totalPages])
  for (let number = page - 2; number <= page + 2; number += 1) {
    if (number >= 1 && number <= totalPages) shown.add(number)
  }
  const sorted = [...shown].sort((a, b) => a - b)
  return sorted.flatMap((number, index) =>
    index > 0 && number - sorted[index - 1] > 1 ? (['gap', number] as const) : [number],
  )
}

export const Pagination = ({
  page,
  totalPages,
  hrefOfPage,
  dictionary,
}: {
  page: number
  totalPages: number
  hrefOfPage: (page: number) => string
  dictionary: Dictionary
}) => {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label={dictionary.pagination}>
      <ul>
        <li className="pagination__step">
          {page > 1 ? (
            <Link href={hrefOfPage(page - 1)} rel="prev">
              ← {dictionary.previous}
            </Link>
          ) : null}
        </li>
        {pageNumbers({ page, totalPages }).map((number, index) =>
          number === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true" className="pagination__gap">
              …
            </li>
          ) : (
            <li key={number}>
              <Link
                href={hrefOfPage(number)}
                aria-current={number === page ? 'page' : undefined}
                aria-label={interpolate({
                  template: dictionary.pageOfTotal,
                  values: { page: number, total: totalPages },
                })}
              >
                {number}
              </Link>
            </li>
          ),
        )}
        <li className="pagination__step">
          {page < totalPages ? (
            <Link href={hrefOfPage(page + 1)} rel="next">
              {dictionary.next} →
            </Link>
          ) : null}
        </li>
      </ul>
    </nav>
  )
}
