import type { Confidence } from './types'

// What a meeting's `importNotes` field holds. Pure, so that the admin's client component reads it
// the same way the dashboard and the command line do.

// The record a note is about, so that the admin links to it (src/components/admin/ImportNotes.tsx).
export type NoteRecord = { relationTo: 'speakers' | 'organisations' | 'meetings'; value: string }

export type ImportNote = {
  confidence: Exclude<Confidence, 'high'>
  text: string
  record?: NoteRecord
}

export type ImportNotes = { summary: string[]; notes: ImportNote[] }

const isRecord = (value: unknown): value is NoteRecord =>
  typeof value === 'object' &&
  value !== null &&
  ['speakers', 'organisations', 'meetings'].includes((value as NoteRecord).relationTo) &&
  typeof (value as NoteRecord).value === 'string'

const readNote = (value: unknown): ImportNote[] => {
  if (typeof value !== 'object' || value === null) return []
  const { confidence, text, record } = value as Partial<ImportNote>
  if (typeof text !== 'string') return []
  return [
    {
      confidence: confidence === 'medium' ? 'medium' : 'low',
      text,
      ...(isRecord(record) ? { record } : {}),
    },
  ]
}

// Drafts imported before the notes were structured hold the text itself: each line a note.
export const readImportNotes = (value: unknown): ImportNotes => {
  if (typeof value === 'string') {
    const lines = value.split('\n').filter((line) => line.trim())
    const notes = lines.flatMap((line) => {
      const match = /^\[(low|medium)\] (.*)$/.exec(line)
      return match ? [{ confidence: match[1] as ImportNote['confidence'], text: match[2] }] : []
    })
    return { summary: lines.filter((line) => !/^\[(low|medium)\] /.test(line)), notes }
  }
  if (typeof value !== 'object' || value === null) return { summary: [], notes: [] }
  const { summary, notes } = value as Partial<ImportNotes>
  return {
    summary: Array.isArray(summary) ? summary.filter((line) => typeof line === 'string') : [],
    notes: Array.isArray(notes) ? notes.flatMap(readNote) : [],
  }
}

// The notes as lines of text, for the command line, the dashboard and anyone reading by eye.
export const importNoteLines = ({ summary, notes }: ImportNotes): string[] => [
  ...summary,
  ...notes.map(({ confidence, text }) => `[${confidence}] ${text}`),
]
