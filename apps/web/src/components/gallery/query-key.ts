/** One cache key for a gallery search, written by the server prefetch and read by the client grid. */
export function galleryQueryKey(query: string): readonly [string, { q: string }] {
  return ["gallery-search", { q: query }];
}
