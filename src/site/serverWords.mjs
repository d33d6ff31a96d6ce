// @ts-check
// The words the production server says itself, without Next (the page shown while the database is
// out): plain JavaScript, so that src/server can read them. The dictionary (dictionary.ts)
// includes them, so they are kept and translated with the rest of the site's words.
export const serverWords = {
  en: {
    outageTitle: 'Back in a moment',
    outageMessage: 'The site cannot reach its database just now. Please try again in a minute.',
  },
  zh: {
    outageTitle: '马上回来',
    outageMessage: '网站暂时无法访问数据库，请稍后再试。',
  },
}
