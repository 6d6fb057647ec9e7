/**
 * A short, in-process cache for figures that are the same for everyone allowed to see them (a
 * county's dashboard, its duty calendar): desks refreshing the same county within `ttlMs` share one
 * computation instead of each re-reading 50,000 files, and concurrent misses share the one promise.
 * A failed computation is forgotten at once. `ttlMs` 0 turns it off (tests read fresh figures).
 */
export function createShortCache<T>(ttlMs: number, maxEntries = 500) {
  const entries = new Map<string, { at: number; value: Promise<T> }>()
  return function cached(key: string, make: () => Promise<T>): Promise<T> {
    const now = Date.now()
    const hit = entries.get(key)
    if (hit && now - hit.at < ttlMs) return hit.value
    const value = make()
    if (ttlMs > 0) {
      entries.set(key, { at: now, value })
      value.catch(() => entries.delete(key))
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
    }
    return value
  }
}
