/** One page of a keyset-paged list, as `wallpaper.search` and `collection.items` answer it. */
interface CursorPage {
  items: unknown[];
  nextCursor: string | null;
}

/**
 * wallhaven pages by number; our lists by keyset cursor. Page N is reached by walking the cursor over
 * the `offset` items before it in steps of up to `maxStep` (a cursor marks a position, whatever page
 * size produced it), then fetching `perPage`. `first` is the first answer (the one whose total is
 * counted, and the random seed it picked); `page` is null when the list ends before `offset`.
 */
export async function pageByNumber<P extends CursorPage>(
  fetchPage: (limit: number, cursor: string | null) => Promise<P>,
  offset: number,
  perPage: number,
  maxStep: number,
): Promise<{ first: P | null; page: P | null }> {
  let cursor: string | null = null;
  let skipped = 0;
  let first: P | null = null;
  while (skipped < offset) {
    const step = await fetchPage(Math.min(maxStep, offset - skipped), cursor);
    first ??= step;
    skipped += step.items.length;
    cursor = step.nextCursor;
    if (cursor === null) break;
  }
  if (skipped < offset) return { first, page: null };
  const page = await fetchPage(perPage, cursor);
  return { first: first ?? page, page };
}
