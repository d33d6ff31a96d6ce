import type { Payload } from 'payload'

import type { SpeakerKey } from './content/speakers'
import type { Outcome } from './write'

import { meetingPhotos, photoCredit } from './content/meeting'
import { renderMeetingScene } from './images'
import { hasChinese, startStep, withContext, writeOptions } from './write'

type PhotoSeed = {
  filename: string
  render: () => Promise<Buffer>
  data: {
    alt: string
    caption?: string
    credit: string
    takenAt?: string
    meeting?: string
    people: string[]
  }
  zh: { alt: string; caption?: string }
}

// Payload renames an upload whose name is taken (on disk or in the database) to name-1.jpg, so
// a media folder left over from an earlier database gives suffixed names; those count as found.
const findPhoto = async ({ payload, filename }: { payload: Payload; filename: string }) => {
  const stem = filename.replace(/\.[a-z]+$/, '')
  const extension = filename.slice(stem.length)
  const candidates = [
    filename,
    ...Array.from({ length: 9 }, (_, index) => `${stem}-${index + 1}${extension}`),
  ]
  const { docs } = await payload.find({
    collection: 'photos',
    where: { filename: { in: candidates } },
    depth: 0,
    limit: 10,
    pagination: false,
    overrideAccess: true,
  })
  return docs.find((doc) => doc.filename === filename) ?? docs[0]
}

export const ensurePhoto = async ({ payload, photo }: { payload: Payload; photo: PhotoSeed }) => {
  let outcome: Outcome = 'unchanged'
  let doc = await findPhoto({ payload, filename: photo.filename })
  if (!doc) {
    const buffer = await photo.render()
    doc = await withContext({
      label: `uploading photo "${photo.filename}"`,
      run: () =>
        payload.create({
          collection: 'photos',
          data: photo.data,
          file: {
            data: buffer,
            mimetype: 'image/jpeg',
            name: photo.filename,
            size: buffer.length,
          },
          locale: 'en',
          ...writeOptions,
        }),
    })
    outcome = 'created'
  }
  const id = doc.id
  if (!(await hasChinese({ payload, collection: 'photos', id, field: 'alt' }))) {
    await withContext({
      label: `translating photo "${photo.filename}"`,
      run: () =>
        payload.update({ collection: 'photos', id, data: photo.zh, locale: 'zh', ...writeOptions }),
    })
    if (outcome === 'unchanged') outcome = 'updated'
  }
  return { doc, outcome }
}

// Each photo names the meeting and the speakers it shows, so the photos come once both exist.
export const seedMeetingPhotos = async ({
  payload,
  meetingId,
  speakerIds,
}: {
  payload: Payload
  meetingId: string
  speakerIds: Record<SpeakerKey, string>
}) => {
  const step = startStep({ step: 'photos', total: meetingPhotos.length })
  for (const photo of meetingPhotos) {
    const { outcome } = await ensurePhoto({
      payload,
      photo: {
        filename: photo.filename,
        render: () => renderMeetingScene({ key: photo.filename, ...photo.scene }),
        data: {
          alt: photo.alt.en,
          caption: photo.caption.en,
          credit: photoCredit,
          takenAt: photo.takenAt,
          meeting: meetingId,
          people: photo.people.map((key) => speakerIds[key]),
        },
        zh: { alt: photo.alt.zh, caption: photo.caption.zh },
      },
    })
    step.count({ outcome })
  }
  return { report: step.report }
}
