import type { Payload } from 'payload'

import { beforeAll, describe, expect, it, vi } from 'vitest'

import { letterOfSlug } from '@/site/letters'
import {
  galleriesPerPage,
  getGallery,
  listGalleries,
  photosPerGalleryOnWall,
} from '@/content/photos'
import { listSpeakerLetterPages, listSpeakers, speakersPerPage } from '@/content/speakers'

import { createMeeting, createSpeaker, uploadTestImage } from '../helpers/factories'
import { getTestPayload } from '../helpers/payload'

// Every call reads the database: no Next server, so no data cache.
vi.mock('next/cache', () => import('../helpers/uncachedNextCache'))

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('the speakers directory', () => {
  // More speakers than one page holds, under A, B and M, and one whose name is only in Chinese.
  const names = [
    ...Array.from({ length: 70 }, (_, index) => `Adams ${String(index).padStart(2, '0')}`),
    ...Array.from({ length: 60 }, (_, index) => `Baker ${String(index).padStart(2, '0')}`),
    'Müller Anna',
  ]

  beforeAll(async () => {
    for (const name of names) await createSpeaker(payload, { name })
    await createSpeaker(payload, { name: '邹骥', slug: 'zou-ji' })
  })

  it('pages the speakers in slug order, each page at most a page long', async () => {
    const first = await listSpeakers({ locale: 'en', page: 1 })
    const second = await listSpeakers({ locale: 'en', page: 2 })

    expect(first.totalPages).toBe(2)
    expect(first.speakers).toHaveLength(speakersPerPage)
    const slugs = [...first.speakers, ...second.speakers].map(({ slug }) => slug)
    expect(slugs).toHaveLength(names.length + 1)
    expect(slugs).toEqual([...slugs].sort())
  })

  it('knows the page each letter starts on, filing a Chinese name by its pinyin slug', async () => {
    const pages = await listSpeakerLetterPages({})

    // 70 A and 60 B speakers: B starts on page 1 (the 71st name), M and Z on page 2.
    expect(pages).toEqual({ A: 1, B: 1, M: 2, Z: 2 })
    const second = await listSpeakers({ locale: 'zh', page: 2 })
    expect(second.speakers.map(({ slug }) => letterOfSlug(slug))).toContain('Z')
  })
})

describe('the photo wall', () => {
  let bigMeeting: { slug: string }
  let draftMeeting: { slug: string }

  beforeAll(async () => {
    // One photo each for more meetings than a page shows, newest in 2030.
    for (let index = 0; index < galleriesPerPage + 1; index += 1) {
      const meeting = await createMeeting(payload, {
        startsAt: `${2010 + index}-10-30T06:00:00.000Z`,
      })
      await uploadTestImage(payload, { data: { meeting: meeting.id } })
    }
    const big = await createMeeting(payload, { startsAt: '2030-10-30T06:00:00.000Z' })
    for (let index = 0; index < photosPerGalleryOnWall + 2; index += 1) {
      await uploadTestImage(payload, { data: { meeting: big.id } })
    }
    bigMeeting = big
    const draft = await createMeeting(payload, {
      startsAt: '2031-10-30T06:00:00.000Z',
      _status: 'draft',
    })
    await uploadTestImage(payload, { data: { meeting: draft.id } })
    draftMeeting = draft
    // A published meeting with no photos has no gallery.
    await createMeeting(payload, { startsAt: '2029-10-30T06:00:00.000Z' })
  })

  it('pages published meetings with photos, newest first, the first photos of each', async () => {
    const first = await listGalleries({ locale: 'en', page: 1 })
    const second = await listGalleries({ locale: 'en', page: 2 })

    expect(first.totalPages).toBe(2)
    expect(first.galleries).toHaveLength(galleriesPerPage)
    const all = [...first.galleries, ...second.galleries]
    expect(all).toHaveLength(galleriesPerPage + 2)
    const starts = all.map(({ meeting }) => meeting.startsAt)
    expect(starts).toEqual([...starts].sort().reverse())
    expect(all.map(({ meeting }) => meeting.slug)).not.toContain(draftMeeting.slug)
    expect(all.every(({ photos }) => photos.length > 0)).toBe(true)

    const big = first.galleries[0]
    expect(big.meeting.slug).toBe(bigMeeting.slug)
    expect(big.photos).toHaveLength(photosPerGalleryOnWall)
    expect(big.totalPhotos).toBe(photosPerGalleryOnWall + 2)
  })

  it('shows every photo of a meeting in its own gallery, and none of a draft', async () => {
    const gallery = await getGallery({ locale: 'en', slug: bigMeeting.slug })
    expect(gallery?.photos).toHaveLength(photosPerGalleryOnWall + 2)
    expect(gallery?.photos.every((photo) => photo.url && photo.width)).toBe(true)

    expect(await getGallery({ locale: 'en', slug: draftMeeting.slug })).toBeNull()
  })
})
