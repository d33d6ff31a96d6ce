import type { ArrayField } from 'payload'

import { contentLanguageField } from './language'
import { urlField } from './url'

// Video recordings of a meeting, on whichever sites the forum posted them (YouTube and Vimeo for
// readers abroad, Bilibili, Youku and Tencent Video for readers in China). The page frames the
// players of the sites it knows (src/site/videoEmbeds.mjs) once the reader asks, and links to
// the others.
export const recordingsField: ArrayField = {
  name: 'recordings',
  type: 'array',
  label: { en: 'Recordings', zh: '视频' },
  labels: {
    singular: { en: 'Recording', zh: '视频' },
    plural: { en: 'Recordings', zh: '视频' },
  },
  admin: {
    description: {
      en: 'Links to videos of the meeting. YouTube, Vimeo, Bilibili, Youku and Tencent Video play on the page; other sites are linked.',
      zh: '会议视频的链接。YouTube、Vimeo、哔哩哔哩、优酷和腾讯视频可在页面中播放，其他网站显示为链接。',
    },
  },
  fields: [
    {
      type: 'row',
      fields: [
        urlField({
          name: 'url',
          label: { en: 'Address of the video', zh: '视频网址' },
          description: {
            en: 'The video’s page, e.g. https://www.bilibili.com/video/BV… or https://www.youtube.com/watch?v=…',
            zh: '视频页面的网址，例如 https://www.bilibili.com/video/BV… 或 https://www.youtube.com/watch?v=…',
          },
          required: true,
        }),
        contentLanguageField(),
      ],
    },
    {
      name: 'label',
      type: 'text',
      label: { en: 'Label', zh: '说明' },
      localized: true,
      admin: {
        description: {
          en: 'Optional, e.g. "Full session" or "With English interpretation".',
          zh: '可选，例如"会议全程"或"英文同传"。',
        },
      },
    },
  ],
}
