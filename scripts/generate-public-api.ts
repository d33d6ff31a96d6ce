// Writes src/runtime/publicAPI.json: the REST paths whose anonymous reads the server shares and
// caches (src/server/cachePolicy.mjs). The server runs outside Next's bundle and cannot load the
// Payload config, so it reads this file, generated from the collections' siteContent like
// payload-types.ts from their fields; a test fails when it is out of date.
import config from '@payload-config'
import fs from 'node:fs'

import { publicAPIFile, publicAPIOf } from '@/payload/publicAPI'

fs.writeFileSync(publicAPIFile, `${JSON.stringify(publicAPIOf(await config), null, 2)}\n`)
console.log(`Wrote ${publicAPIFile}`)
