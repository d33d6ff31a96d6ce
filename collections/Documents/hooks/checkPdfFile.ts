import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'
import fsp from 'node:fs/promises'

// Every PDF starts with these five bytes; a file's name and the type the browser declares for it
// say nothing about its content (a PNG renamed .pdf, a text file sent as application/pdf).
const pdfMagic = Buffer.from('%PDF-', 'latin1')

const headOf = async ({ data, tempFilePath }: { data?: Buffer; tempFilePath?: string }) => {
  if (data?.length) return data.subarray(0, pdfMagic.length)
  if (!tempFilePath) return Buffer.alloc(0)
  const handle = await fsp.open(tempFilePath, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(
      Buffer.alloc(pdfMagic.length),
      0,
      pdfMagic.length,
      0,
    )
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

export const isPdf = (head: Buffer): boolean =>
  head.length >= pdfMagic.length && head.subarray(0, pdfMagic.length).equals(pdfMagic)

// Before Payload stores anything: a refusal a person can act on, as a 400, instead of Payload's
// own check naming a MIME type (or, for a file it cannot identify, trusting its extension).
export const checkPdfFile: CollectionBeforeOperationHook = async ({ req, operation }) => {
  if (operation !== 'create' && operation !== 'update') return
  const file = req.file
  if (!file) return
  if (isPdf(await headOf(file))) return
  throw new APIError(
    `"${file.name}" is not a PDF: its content does not start as a PDF file does, whatever its ` +
      'name or type says. Save the slides, statement or report as PDF and upload that file.',
    400,
    null,
    true,
  )
}
