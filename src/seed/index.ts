import type { Payload } from 'payload'

export const seed = async ({ payload }: { payload: Payload }): Promise<void> => {
  payload.logger.info({ msg: 'seed: not written yet' })
}
