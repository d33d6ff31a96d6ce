// A file's size as readers and staff read it: "820 KB", "2.4 MB" (decimal units, as operating
// systems and browsers' download lists mostly show them). The same in English and Chinese.
const units = ['KB', 'MB', 'GB'] as const

export const formatFileSize = (bytes: number): string => {
  if (!Number.isFinite(bytes) || bytes < 0) return ''
  if (bytes < 1000) return `${bytes} B`
  let value = bytes / 1000
  let unit = 0
  while (Math.round(value) >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  // One decimal below 10 ("2.4 MB"), none above ("24 MB", "820 KB").
  const shown = value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value))
  return `${shown} ${units[unit]}`
}
