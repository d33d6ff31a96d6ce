import Link from 'next/link'

export type Crumb = { label: string; href?: string }

export const Breadcrumbs = ({ crumbs, label }: { crumbs: Crumb[]; label: string }) => (
  <nav aria-label={label} className="breadcrumbs">
    <ol>
      {crumbs.map((crumb, index) => (
        <li key={`${crumb.label}-${index}`}>
          {crumb.href && index < crumbs.length - 1 ? (
            <Link href={crumb.href}>{crumb.label}</Link>
          ) : (
            <span aria-current={index === crumbs.length - 1 ? 'page' : undefined}>
              {crumb.label}
            </span>
          )}
        </li>
      ))}
    </ol>
  </nav>
)
