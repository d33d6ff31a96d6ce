// A small seeded generator (mulberry32): the same arguments give the same synthetic forum, so
// benchmark runs compare like with like.
export const randomSource = (seed: number) => {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const chosen = new Set<T>()
    const wanted = Math.min(count, items.length)
    while (chosen.size < wanted) chosen.add(pick(items))
    return [...chosen]
  }
  return { next, integer, pick, sample }
}

export type RandomSource = ReturnType<typeof randomSource>
