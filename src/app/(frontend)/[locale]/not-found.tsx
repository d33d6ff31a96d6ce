import Link from 'next/link'

import { getDictionary } from '@/site/dictionary'

// not-found has no params; English wording with a way home in both languages.
const NotFound = () => {
  const en = getDictionary('en')
  const zh = getDictionary('zh')
  return (
    <div className="message-page">
      <h1>{en.notFoundTitle}</h1>
      <p>{en.notFoundText}</p>
      <p lang="zh-Hans">
        {zh.notFoundTitle}：{zh.notFoundText}
      </p>
      <p>
        <Link href="/">{en.home}</Link> · <Link href="/zh">{zh.home}</Link>
      </p>
    </div>
  )
}

export default NotFound
