/**
 * The message body when no selector names it (class names changed): the descendant of `root`
 * holding the most text that contains none of the header's elements. At each level the largest
 * child without header parts wins when it has real text; otherwise the walk goes down into the
 * child that holds the header (a wrapper around header and body).
 */
export function largestTextBlock(root: Element, header: readonly Element[]): Element | undefined {
  const size = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').length;
  const holdsHeader = (el: Element) => header.some((h) => el === h || el.contains(h));
  let cur = root;
  for (let depth = 0; depth < 30; depth++) {
    let best: Element | undefined;
    let bestSize = 0;
    let holder: Element | undefined;
    for (const child of Array.from(cur.children)) {
      if (/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/.test(child.tagName)) continue;
      if (holdsHeader(child)) {
        holder ??= child;
        continue;
      }
      const n = size(child);
      if (n > bestSize) {
        best = child;
        bestSize = n;
      }
    }
    if (best && (bestSize >= 20 || !holder)) return best;
    if (!holder) return best;
    cur = holder;
  }
  return undefined;
}
