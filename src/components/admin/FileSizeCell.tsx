'use client'

import type { DefaultCellComponentProps } from 'payload'

import { formatFileSize } from '@/site/fileSize'

// The list's Size column: "2.4 MB" rather than Payload's count of bytes.
export const FileSizeCell = ({ cellData }: DefaultCellComponentProps) => (
  <span>{typeof cellData === 'number' ? formatFileSize(cellData) : ''}</span>
)
