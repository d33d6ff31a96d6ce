import type { Locale } from '@/site/i18n'

import { getDictionary } from '@/site/dictionary'
import { localePath } from '@/site/i18n'

// The edition's programme to take away: for schedule apps (c3voc/frab JSON and XML) and for a
// calendar. Plain links with `download`: the files are served by route handlers, not pages.
export const ProgrammeDownloads = ({ locale, year }: { locale: Locale; year: number }) => {
  const dictionary = getDictionary(locale)
  const href = (file: string) => localePath({ locale, path: `/editions/${year}/${file}` })
  const downloads = [
    { file: 'schedule.json', label: dictionary.downloadScheduleJSON },
    { file: 'schedule.xml', label: dictionary.downloadScheduleXML },
    { file: 'calendar.ics', label: dictionary.downloadCalendar },
  ]
  return (
    <section className="programme-downloads" aria-labelledby="programme-downloads">
      <h2 id="programme-downloads">{dictionary.downloads}</h2>
      <p>{dictionary.downloadsNote}</p>
      <ul>
        {downloads.map(({ file, label }) => (
          <li key={file}>
            <a href={href(file)} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
