// Writes src/runtime/publicAPI.json: the REST paths whose anonymous reads the server shares and
// caches (src/server/cachePolicy.mjs). The server runs outside Next's bundle and cannot load the
// Payload config, so it reads this file, generated from the collections' siteContent like
// payload-types.ts from their fields; a test fails when it is out of date.
import config from '@payload-config'
import fs from 'node:fs'
import prettier from 'prettier'

import { publicAPIFile, publicAPIOf } from '@/payload/publicAPI'

const json = JSON.stringify(publicAPIOf(await config))
fs.writeFileSync(
  publicAPIFile,
  await prettier.format(json, {
    ...(await prettier.resolveConfig(publicAPIFile)),
    filepath: publicAPIFile,
  }),
)
console.log(`Wrote ${publicAPIFile}`)
