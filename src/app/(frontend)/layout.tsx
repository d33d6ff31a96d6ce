import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: { default: 'China International Forum on Climate Change', template: '%s · CIFCC' },
  description:
    'Meetings, speakers and organisations of the China International Forum on Climate Change.',
}

const RootLayout = ({ children }: { children: ReactNode }) => (
  <html lang="en">
    <body>{children}</body>
  </html>
)

export default RootLayout
