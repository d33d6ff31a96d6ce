import type { Payload } from 'payload'

import type { Speaker } from '@/payload-types'

import type { OrganisationKey } from './content/organisations'
import type { SpeakerKey } from './content/speakers'

import { photoCredit } from './content/meeting'
import { speakers } from './content/speakers'
import { renderPortrait } from './images'
import { ensurePhoto } from './photos'
import { richText } from '@/content/richText'
import { ensureBySlug, startStep, withContext, writeOptions } from './write'

const idOf = (reference: null | string | undefined | { id: string }): string | undefined =>
  reference && typeof reference === 'object' ? reference.id : (reference ?? undefined)

export const seedSpeakers = async ({
  payload,
  organisationIds,
}: {
  payload: Payload
  organisationIds: Record<OrganisationKey, string>
}) => {
  const step = startStep({ step: 'speakers', total: speakers.length })
  const portraits = startStep({ step: 'portraits', total: speakers.length })
  const ids = {} as Record<SpeakerKey, string>
  for (const speaker of speakers) {
    const { doc, outcome } = await ensureBySlug({
      payload,
      collection: 'speakers',
      slug: speaker.slug,
      marker: 'name',
      en: () => ({
        honorific: speaker.honorific?.en,
        name: speaker.name.en,
        positions: speaker.positions.map((position) => ({
          title: position.title.en,
          organisation: organisationIds[position.organisation],
        })),
        bio: richText({ paragraphs: speaker.bio.en }),
      }),
      zh: ({ doc }) => ({
        honorific: speaker.honorific?.zh,
        name: speaker.name.zh,
        positions: (doc.positions ?? []).map((row, index) => ({
          ...row,
          title: speaker.positions[index]?.title.zh ?? row.title,
        })),
        bio: richText({ paragraphs: speaker.bio.zh }),
      }),
    })
    ids[speaker.key] = doc.id

    // The portrait names the speaker among its people, so it is made once the speaker exists.
    const portrait = await ensurePhoto({
      payload,
      photo: {
        filename: `portrait-${speaker.slug}.jpg`,
        render: () => renderPortrait({ key: speaker.slug }),
        data: {
          alt: `Placeholder portrait of ${speaker.name.en}`,
          credit: photoCredit,
          people: [doc.id],
        },
        zh: { alt: `占位肖像：${speaker.name.zh}` },
      },
    })
    portraits.count({ outcome: portrait.outcome })
    let speakerOutcome = outcome
    if (!idOf((doc as Speaker).portrait)) {
      await withContext({
        label: `linking the portrait of "${speaker.slug}"`,
        run: () =>
          payload.update({
            collection: 'speakers',
            id: doc.id,
            data: { portrait: portrait.doc.id },
            ...writeOptions,
          }),
      })
      if (speakerOutcome === 'unchanged') speakerOutcome = 'updated'
    }
    step.count({ outcome: speakerOutcome })
  }
  return { ids, reports: [step.report, portraits.report] }
}
