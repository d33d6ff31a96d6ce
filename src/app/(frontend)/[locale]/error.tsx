'use client'

import { getDictionary } from '@/site/dictionary'

const ErrorPage = ({ reset }: { error: Error & { digest?: string }; reset: () => void }) => {
  const en = getDictionary('en')
  const zh = getDictionary('zh')
  return (
    // A React island (src/server/clientRuntime.mjs), so that "Try again" can retry.
    <div className="message-page" data-react-island="">
      <h1>{en.errorTitle}</h1>
      <p>{en.errorText}</p>
      <p lang="zh-Hans">{zh.errorText}</p>
      <button type="button" onClick={reset}>
        {en.tryAgain}
      </button>
    </div>
  )
}

export default ErrorPage
