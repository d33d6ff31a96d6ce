// Upload benchmark (issue 5): a 24-megapixel JPEG through REST until every size exists.
//
// `uploadBenchmark` posts a camera-sized photo to /api/photos, first one at a time (time per
// upload, from the request until Payload answers with every size written), then with two in
// flight at once (photos per minute, as when two editors upload after an event). The bench runner
// calls it against a server it started; `node bench/upload.mjs` starts one of its own on a fresh
// SQLite database with the demo content, prints the figures and stops it.
//
// Environment (standalone only): UPLOAD_PORT (default 3500), UPLOAD_RUNS (sequential uploads,
// default 5), UPLOAD_CONCURRENT (uploads of the concurrent part, default 6).

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

import {
  clearNextCache,
  ensureBuild,
  firstAdmin,
  log,
  machine,
  makeWorkDir,
  median,
  positiveInteger,
  startServer,
  stopAllServers,
} from './lib/common.mjs'

const width = 6000
const height = 4000
// Two editors uploading at once is the busiest the forum's photo desk gets.
const inFlight = 2

// Deterministic, so every run uploads the same picture and runs compare.
const randomFrom = (seed) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Hard edges: an audience, a table with name cards, a banner and a lectern; the audience gives the
// fine detail that makes up much of a real photo's bytes.
const shapes = () => {
  const random = randomFrom(2026)
  const colour = () => `rgb(${[0, 0, 0].map(() => Math.floor(random() * 256)).join(',')})`
  const audience = Array.from({ length: 900 }, () => {
    const x = random() * width
    const y = 3300 + random() * 700
    const size = 30 + random() * 50
    return (
      `<rect x="${x - size}" y="${y}" width="${size * 2}" height="${size * 3}" fill="${colour()}"/>` +
      `<circle cx="${x}" cy="${y - size * 0.6}" r="${size * 0.6}" fill="${colour()}"/>`
    )
  }).join('')
  const cards = Array.from({ length: 24 }, (_, index) => {
    const x = 300 + index * 225
    return `<rect x="${x}" y="${2650 + random() * 40}" width="180" height="110" fill="#f4f1e8"/>`
  }).join('')
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <rect x="200" y="2800" width="5600" height="500" fill="#5b4636" opacity="0.9"/>
      ${audience}
      ${cards}
      <rect x="1500" y="300" width="3000" height="420" fill="#0b3d5c" opacity="0.85"/>
      <rect x="4700" y="1900" width="420" height="1400" fill="#2f2f2f"/>
      <circle cx="4910" cy="1850" r="60" fill="#9a9a9a"/>
    </svg>`,
  )
}

// A flat or smooth picture compresses to a fraction of a camera file and decodes faster than one,
// which would flatter the pipeline. A sky-to-floor gradient, soft out-of-focus blobs, the hard
// shapes above and sensor-like grain over all of it give a file of several MB that costs what a
// photo costs to decode.
const photoPixels = async () => {
  const overlay = await sharp(shapes()).ensureAlpha().raw().toBuffer()
  const random = randomFrom(24)
  // Clamped, so that grain on a bright patch saturates as on a sensor instead of wrapping round.
  const pixels = new Uint8ClampedArray(width * height * 3)
  const blobs = Array.from({ length: 40 }, () => ({
    x: random() * width,
    y: random() * height,
    radius: 150 + random() * 700,
    colour: [random() * 255, random() * 255, random() * 255],
  }))
  // A table of noise, indexed with a stride, is much faster than a random number per channel and
  // still leaves no pattern that JPEG could exploit.
  const noise = Int8Array.from({ length: 1 << 16 }, () => Math.round((random() - 0.5) * 30))
  let offset = 0
  for (let y = 0; y < height; y += 1) {
    const depth = y / height
    const nearby = blobs.filter(({ y: blobY, radius }) => Math.abs(blobY - y) < radius)
    for (let x = 0; x < width; x += 1) {
      let r = 40 + 160 * (1 - depth) + 30 * Math.sin(x / 310)
      let g = 70 + 120 * (1 - depth) + 25 * Math.sin((x + y) / 530)
      let b = 110 + 130 * (1 - depth) - 60 * depth
      for (const blob of nearby) {
        const dx = x - blob.x
        const dy = y - blob.y
        const distance = dx * dx + dy * dy
        const squaredRadius = blob.radius * blob.radius
        if (distance < squaredRadius) {
          const weight = 1 - distance / squaredRadius
          r += (blob.colour[0] - r) * weight
          g += (blob.colour[1] - g) * weight
          b += (blob.colour[2] - b) * weight
        }
      }
      const at = (offset / 3) * 4
      const alpha = overlay[at + 3] / 255
      r += (overlay[at] - r) * alpha
      g += (overlay[at + 1] - g) * alpha
      b += (overlay[at + 2] - b) * alpha
      const grain = (offset * 7919) & 0xffff
      pixels[offset] = r + noise[grain]
      pixels[offset + 1] = g + noise[(grain + 1) & 0xffff]
      pixels[offset + 2] = b + noise[(grain + 2) & 0xffff]
      offset += 3
    }
  }
  return Buffer.from(pixels.buffer)
}

// Distinct files, so that neither Payload nor a cache between it and the disk can treat one upload
// as a repeat of another: a small block of pixels encodes the upload's number.
const makeFiles = async ({ count, folder }) => {
  const base = await photoPixels()
  const files = []
  for (let index = 0; index < count; index += 1) {
    const pixels = Buffer.from(base)
    for (let bit = 0; bit < 16; bit += 1) {
      const value = (index >> bit) & 1 ? 255 : 0
      for (let row = 0; row < 16; row += 1) {
        pixels.fill(value, ((100 + row) * width + 100 + bit * 16) * 3, 16 * 3)
      }
    }
    // Camera-like output: quality 90, 4:2:0 chroma, EXIF kept as a camera would write it.
    const data = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 90, chromaSubsampling: '4:2:0' })
      .withExif({ IFD0: { Make: 'Benchmark', Model: '24 MP', Software: `upload ${index}` } })
      .toBuffer()
    const file = path.join(folder, `forum-${String(index).padStart(2, '0')}.jpg`)
    fs.writeFileSync(file, data)
    files.push({ file, bytes: data.length })
  }
  return files
}

const upload = async ({ baseURL, headers, file, index }) => {
  const form = new FormData()
  form.append(
    'file',
    new Blob([fs.readFileSync(file)], { type: 'image/jpeg' }),
    path.basename(file),
  )
  form.append(
    '_payload',
    JSON.stringify({
      alt: `Benchmark upload ${index}: the round table`,
      credit: 'Benchmark',
      takenAt: new Date(Date.UTC(2026, 10, 28, 6, index)).toISOString(),
    }),
  )
  const started = performance.now()
  const response = await fetch(`${baseURL}/api/photos`, { method: 'POST', headers, body: form })
  const body = await response.text()
  const ms = performance.now() - started
  if (!response.ok) throw new Error(`upload ${index}: ${response.status} ${body.slice(0, 500)}`)
  return { ms, doc: JSON.parse(body).doc }
}

// Outside the timing: a size the response names but the server cannot serve is a failed upload.
const checkSizes = async ({ baseURL, headers, doc }) => {
  const sizes = Object.entries(doc.sizes ?? {})
  const missing = sizes.filter(([, size]) => !size?.url).map(([name]) => name)
  if (sizes.length === 0 || missing.length > 0) {
    throw new Error(`photo ${doc.id} has no ${missing.join(', ') || 'sizes'}`)
  }
  for (const [name, size] of sizes) {
    const url = new URL(size.url, baseURL)
    const response = await fetch(url, { headers })
    const type = response.headers.get('content-type') ?? ''
    await response.arrayBuffer()
    if (!response.ok || !type.startsWith('image/')) {
      throw new Error(`photo ${doc.id}, size ${name}: ${response.status} ${type} from ${url}`)
    }
  }
  return sizes.map(([name]) => name)
}

// The runner's other benchmarks read the same database after this one.
const removePhotos = async ({ baseURL, headers, docs }) => {
  for (const doc of docs) {
    await fetch(`${baseURL}/api/photos/${doc.id}`, { method: 'DELETE', headers })
  }
}

export const uploadBenchmark = async ({
  baseURL,
  headers,
  uploads = 5,
  concurrentUploads = 6,
  workDir,
}) => {
  // A file of several MB per upload: kept apart from the runner's own files, removed afterwards.
  const folder = fs.mkdtempSync(path.join(workDir, 'upload-'))
  const docs = []
  try {
    const files = await makeFiles({ count: uploads + concurrentUploads, folder })
    const perUploadMs = []
    let sizes = []
    for (let index = 0; index < uploads; index += 1) {
      const { ms, doc } = await upload({ baseURL, headers, file: files[index].file, index })
      docs.push(doc)
      perUploadMs.push(ms)
      sizes = await checkSizes({ baseURL, headers, doc })
    }

    const queue = files
      .slice(uploads)
      .map((entry, offset) => ({ ...entry, index: uploads + offset }))
    const started = performance.now()
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { doc } = await upload({ baseURL, headers, file: next.file, index: next.index })
          docs.push(doc)
        }
      }),
    )
    const concurrentMs = performance.now() - started
    for (const doc of docs.slice(uploads)) await checkSizes({ baseURL, headers, doc })

    return {
      megapixels: (width * height) / 1e6,
      fileBytes: median(files.map(({ bytes }) => bytes)),
      perUploadMs,
      medianMs: median(perUploadMs),
      photosPerMinute: concurrentUploads / (concurrentMs / 60_000),
      sizes,
    }
  } finally {
    await removePhotos({ baseURL, headers, docs })
    fs.rmSync(folder, { recursive: true, force: true })
  }
}

const main = async () => {
  const port = positiveInteger('UPLOAD_PORT', 3500)
  const uploads = positiveInteger('UPLOAD_RUNS', 5)
  const concurrentUploads = positiveInteger('UPLOAD_CONCURRENT', 6)
  ensureBuild()
  clearNextCache()
  const workDir = makeWorkDir('upload')
  log(`Work folder ${workDir}`)
  const server = await startServer({
    port,
    database: path.join(workDir, 'bench.db'),
    mediaDir: path.join(workDir, 'media'),
    seed: true,
    logFile: path.join(workDir, 'server.log'),
  })
  log(`Server ready on port ${port} in ${Math.round(server.coldStartMs)} ms`)
  const headers = await firstAdmin(server.baseURL)
  const loadBefore = os.loadavg()[0]
  const result = await uploadBenchmark({
    baseURL: server.baseURL,
    headers,
    uploads,
    concurrentUploads,
    workDir,
  })
  const loadAfter = os.loadavg()[0]
  log(machine())
  log(
    `${result.megapixels} MP JPEG, ${(result.fileBytes / 1024 ** 2).toFixed(1)} MiB; sizes ${result.sizes.join(', ')}`,
  )
  log(`Per upload: ${result.perUploadMs.map((ms) => Math.round(ms)).join(', ')} ms`)
  log(`Median per upload: ${Math.round(result.medianMs)} ms (goal ≤ 1500 ms)`)
  log(`With ${inFlight} at a time: ${result.photosPerMinute.toFixed(1)} photos per minute`)
  log(`1-minute load average: ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`)
  await stopAllServers()
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stop = (code) => stopAllServers().finally(() => process.exit(code))
  process.once('SIGINT', () => stop(130))
  process.once('SIGTERM', () => stop(143))
  main().catch((error) => {
    console.error(error)
    stop(1)
  })
}
