import { scheduleRoute } from '@/content/scheduleExports'

// The edition's programme for schedule apps, in the c3voc/frab format (src/site/schedule.ts).
export const GET = scheduleRoute('json')
