// The bench-scale database (synthetic content made by `npm run seed:scale`), generated once per
// scale and generator version into bench/.data/ and copied for every server that uses it.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { log, root } from './common.mjs'

export const benchScale = {
  full: { meetings: 10_000, speakers: 5000, organisations: 1000, photos: 20_000 },
  quick: { meetings: 1000, speakers: 500, organisations: 100, photos: 2000 },
}

const scaleSources = () =>
  fs
    .readdirSync(path.resolve(root, 'src/seed/scale'))
    .sort()
    .map((file) => fs.readFileSync(path.resolve(root, 'src/seed/scale', file)))

export const ensureScaleDatabase = (scale) => {
  const hash = createHash('sha1')
  for (const source of scaleSources()) hash.update(source)
  const name = `scale-${Object.values(scale).join('-')}-${hash.digest('hex').slice(0, 8)}`
  const dir = path.resolve(root, 'bench/.data', name)
  const database = path.join(dir, 'scale.db')
  if (fs.existsSync(path.join(dir, 'complete')))
    return { database, mediaDir: path.join(dir, 'media') }
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  log(`generating the bench-scale database in ${path.relative(root, dir)} (once; minutes)`)
  const args = Object.entries(scale).flatMap(([key, value]) => [`--${key}`, String(value)])
  const result = spawnSync('npm', ['run', 'seed:scale', '--', ...args], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, DATABASE_URI: `file:${database}`, MEDIA_DIR: path.join(dir, 'media') },
    timeout: 30 * 60_000,
  })
  if (result.status !== 0) throw new Error(`seed:scale failed (exit ${result.status})`)
  fs.writeFileSync(path.join(dir, 'complete'), new Date().toISOString())
  return { database, mediaDir: path.join(dir, 'media') }
}

// SQLite in WAL mode may keep recent writes beside the file until a checkpoint.
export const copyDatabase = ({ from, to }) => {
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(`${from}${suffix}`)) fs.copyFileSync(`${from}${suffix}`, `${to}${suffix}`)
  }
}
