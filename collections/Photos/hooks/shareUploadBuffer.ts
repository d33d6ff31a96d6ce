import type { CollectionBeforeOperationHook } from 'payload'

// Payload makes each image size from a clone of one sharp pipeline, and sharp 0.35's clone()
// deep-copies its options with structuredClone, the input buffer included: four copies of the
// upload per photo, on the main thread, at 60-90 ms each for a 6 MB JPEG on a 2-core server.
// structuredClone shares a SharedArrayBuffer instead of copying it, so the upload is copied there
// once (a few ms) and every clone reads the same memory. sharp, file-type and fs accept such a
// buffer like any other.
export const shareUploadBuffer: CollectionBeforeOperationHook = ({ req }) => {
  const file = req.file
  if (!file?.data?.length || file.data.buffer instanceof SharedArrayBuffer) return
  const shared = Buffer.from(new SharedArrayBuffer(file.data.length))
  file.data.copy(shared)
  // A new object: through the local API, req.file is the caller's own.
  req.file = { ...file, data: shared }
}
