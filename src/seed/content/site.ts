type Localized = { en: string; zh: string }

export type NavigationSeed =
  | { label: Localized; kind: 'path'; path: string }
  | { label: Localized; kind: 'page'; page: string }

export const siteSettings = {
  name: { en: 'China International Forum on Climate Change', zh: '中国国际气候变化论坛' },
  tagline: {
    en: 'Dialogue and cooperation for a low-carbon future',
    zh: '对话合作，共创低碳未来',
  },
  // The forum's first edition was in 2011; the end year is the year the demo is loaded.
  copyright: ({ year }: { year: number }): Localized => ({
    en: `© 2011–${year} China International Forum on Climate Change`,
    zh: `© 2011–${year} 中国国际气候变化论坛`,
  }),
  // example.org is reserved for examples, so the demo never points at someone's real inbox.
  contact: {
    email: 'info@example.org',
    address: { en: 'Beijing, China', zh: '中国北京' },
  },
  headerNavigation: [
    { label: { en: 'Forums', zh: '历届论坛' }, kind: 'path', path: '/editions' },
    { label: { en: 'Meetings', zh: '会议' }, kind: 'path', path: '/meetings' },
    { label: { en: 'News', zh: '新闻' }, kind: 'path', path: '/news' },
    { label: { en: 'Speakers', zh: '嘉宾' }, kind: 'path', path: '/speakers' },
    { label: { en: 'Organisations', zh: '机构' }, kind: 'path', path: '/organisations' },
    { label: { en: 'Photos', zh: '图片' }, kind: 'path', path: '/photos' },
    { label: { en: 'About the forum', zh: '关于论坛' }, kind: 'page', page: 'about' },
    { label: { en: 'Services', zh: '会务服务' }, kind: 'page', page: 'services' },
  ] satisfies NavigationSeed[],
  // The old site's footer, in its order.
  footerNavigation: [
    { label: { en: 'Significance', zh: '论坛意义' }, kind: 'page', page: 'significance' },
    { label: { en: 'Content', zh: '论坛内容' }, kind: 'page', page: 'content' },
    { label: { en: 'Framework', zh: '论坛框架' }, kind: 'page', page: 'framework' },
    { label: { en: 'Service Unit', zh: '服务单位' }, kind: 'page', page: 'service-unit' },
    { label: { en: 'Site Map', zh: '网站地图' }, kind: 'page', page: 'site-map' },
    {
      label: { en: 'Laws & Regulations', zh: '法律法规' },
      kind: 'page',
      page: 'laws-and-regulations',
    },
    { label: { en: 'Hotel', zh: '酒店住宿' }, kind: 'page', page: 'hotel' },
    { label: { en: 'Visa', zh: '签证' }, kind: 'page', page: 'visa' },
    { label: { en: 'Traffic', zh: '交通' }, kind: 'page', page: 'traffic' },
    { label: { en: 'Contact Us', zh: '联系我们' }, kind: 'page', page: 'contact-us' },
  ] satisfies NavigationSeed[],
}
