import { describe, expect, it } from 'vitest'

import { formatFileSize } from '@/site/fileSize'
import { videoEmbedOf, videoEmbedOrigins, videoSiteOf } from '@/site/videoEmbeds.mjs'

// Which recordings a meeting page can play (issue 15): the address an editor pastes from a video
// site becomes that site's player; anything else is a link.
describe('the player of a recording', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42',
      'YouTube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ],
    [
      'https://youtu.be/dQw4w9WgXcQ',
      'YouTube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ],
    [
      'https://www.youtube.com/live/dQw4w9WgXcQ',
      'YouTube',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    ],
    ['https://vimeo.com/76979871', 'Vimeo', 'https://player.vimeo.com/video/76979871?autoplay=1'],
    [
      'https://vimeo.com/76979871/8272103f6e',
      'Vimeo',
      'https://player.vimeo.com/video/76979871?autoplay=1&h=8272103f6e',
    ],
    [
      'https://www.bilibili.com/video/BV1GJ411x7h7/?spm_id_from=333.999',
      'Bilibili',
      'https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=1',
    ],
    [
      'https://www.bilibili.com/video/av170001',
      'Bilibili',
      'https://player.bilibili.com/player.html?aid=170001&autoplay=1',
    ],
    [
      'https://v.youku.com/v_show/id_XNDkxMjM0NTY3Mg==.html?spm=a2hja',
      'Youku',
      'https://player.youku.com/embed/XNDkxMjM0NTY3Mg==',
    ],
    [
      'https://v.qq.com/x/cover/mzc00200abcdefg/u0041abcdef.html',
      'Tencent Video',
      'https://v.qq.com/txp/iframe/player.html?vid=u0041abcdef&autoplay=1',
    ],
    [
      'https://v.qq.com/x/page/u0041abcdef.html',
      'Tencent Video',
      'https://v.qq.com/txp/iframe/player.html?vid=u0041abcdef&autoplay=1',
    ],
  ])('plays %s from %s', (address, provider, src) => {
    expect(videoEmbedOf(address)).toEqual({ provider, src })
  })

  it.each([
    'https://www.iqiyi.com/v_19rrok4nt0.html',
    'https://www.youtube.com/channel/UC1234567890',
    'https://www.youtube.com/watch?v=%22%3E%3Cscript%3E',
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://vimeo.com/about',
    'javascript:alert(1)',
    'not an address',
  ])('has none for %s', (address) => {
    expect(videoEmbedOf(address)).toBeNull()
  })

  it('frames only from the players it builds', () => {
    const origins = [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://vimeo.com/76979871',
      'https://www.bilibili.com/video/BV1GJ411x7h7',
      'https://v.youku.com/v_show/id_XNDkxMjM0NTY3Mg==.html',
      'https://v.qq.com/x/page/u0041abcdef.html',
    ].map((address) => new URL(videoEmbedOf(address)!.src).origin)

    expect(origins.sort()).toEqual([...videoEmbedOrigins].sort())
  })

  it('names the site of a recording it cannot play by its host', () => {
    expect(videoSiteOf('https://www.iqiyi.com/v_19rrok4nt0.html')).toBe('iqiyi.com')
  })
})

describe('a file size', () => {
  it.each([
    [512, '512 B'],
    [820_000, '820 KB'],
    [2_400_000, '2.4 MB'],
    [2_000_000, '2 MB'],
    [24_300_000, '24 MB'],
    [999_950, '1 MB'],
  ])('of %i bytes reads %s', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text)
  })
})
