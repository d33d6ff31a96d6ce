import type { MeetingDocument } from '@/content/meetings'
import type { Dictionary } from '@/site/dictionary'

import { formatFileSize } from '@/site/fileSize'

import { languageName } from './languageName'

// A meeting's PDFs: title, language and size, each linking to the file (a download, not a page:
// a plain link, so that Next does not prefetch it).
export const MeetingDocuments = ({
  documents,
  dictionary,
}: {
  documents: MeetingDocument[]
  dictionary: Dictionary
}) => (
  <ul className="meeting-documents">
    {documents
      .filter((document) => document.url)
      .map((document) => (
        <li key={document.id}>
          <a href={document.url ?? undefined} type="application/pdf">
            {document.title}
          </a>
          <span className="meeting-documents__meta">
            {[
              'PDF',
              typeof document.filesize === 'number' ? formatFileSize(document.filesize) : null,
              languageName({ language: document.language, dictionary }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      ))}
  </ul>
)
