import type { Meeting } from '@/payload-types'

import type { Repair } from './encoding'

// How sure the extractor is of a value: 'high' means the page says it in a form the extractor
// knows; 'medium' that a rule had to interpret it; 'low' that it is a default or a guess, which
// the editor is asked to check.
export type Confidence = 'high' | 'medium' | 'low'

export type Extracted<T> = { value: T; confidence: Confidence; note?: string }

export type Language = 'en' | 'zh'

// An organisation as a page names it: "the Asian Infrastructure Investment Bank (AIIB)" is
// { name: 'Asian Infrastructure Investment Bank', abbreviation: 'AIIB' }; an acronym on its own
// ("C40") is both its name and its abbreviation.
export type WrittenOrganisation = { name: string; abbreviation?: string }

export type ExtractedPosition = {
  title: string
  // A school, department or expert group within the organisation.
  unit?: string
  // The organisation as the page writes it: a full name or an abbreviation, without an article
  // or an abbreviation in brackets after it, which is kept here.
  organisation?: string
  organisationAbbreviation?: string
  // "in China and Northeast Asia": where the position is held.
  region?: string
}

export type ExtractedPerson = {
  name: string
  honorific?: string
  positions: ExtractedPosition[]
}

export type ExtractedStatement = {
  speaker: Extracted<ExtractedPerson>
  paragraphs: Extracted<string[]>
}

export type ExtractedAnswer = { speaker: Extracted<string>; answer: Extracted<string> }

export type ExtractedQuestion = {
  question: Extracted<string>
  askedBy?: string
  answers: ExtractedAnswer[]
}

export type MeetingKind = Meeting['kind']

export type PartOfDay = 'morning' | 'afternoon' | 'evening'

export type ExtractedDate = {
  // YYYY-MM-DD and HH:MM, in the forum's time zone.
  date: string
  time?: string
  partOfDay?: PartOfDay
}

export type ExtractedMeeting = {
  language: Language
  breadcrumb: string[]
  // The page's heading as printed, before it is split into edition, kind and title.
  heading: string
  title: Extracted<string>
  kind: Extracted<MeetingKind>
  edition: Extracted<number>
  date: Extracted<ExtractedDate>
  host: Extracted<ExtractedPerson> | null
  // "co-chaired by A and B": everyone after the first.
  coHosts: Extracted<ExtractedPerson>[]
  focus: Extracted<string> | null
  topics: Extracted<string[]> | null
  attending: Extracted<WrittenOrganisation[]> | null
  // Everyone who hosted, spoke or answered, in the order they first appear, with every
  // position the page gives them.
  people: ExtractedPerson[]
  statements: ExtractedStatement[]
  questions: ExtractedQuestion[]
  // The report's own narrative: paragraphs that are neither statements nor Q&A.
  body: string[]
  hasLivePictures: boolean
  images: string[]
  droppedLines: string[]
  repairs: Repair[]
  // Things the extractor noticed that are not tied to one field.
  notes: string[]
}

export type ParseFailure = { reason: string }
