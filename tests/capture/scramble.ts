/**
 * Replace every class name with a made-up one, as Gmail, Outlook and the others do when they ship
 * a new build. An adapter that still reads the scrambled page reads attributes, roles and
 * structure, not class names. Deterministic per seed (same class → same replacement), so elements
 * that shared a class still share one; a different seed gives a different build.
 */
export function scrambleName(c: string, seed = 'x'): string {
  let h = 2166136261;
  for (const ch of `${seed}:${c}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return `z${(h >>> 0).toString(36)}`;
}

/** Scramble every class attribute of a parsed document in place. */
export function scrambleClasses(doc: Document, seed = 'x'): Document {
  for (const el of Array.from(doc.querySelectorAll('[class]'))) {
    const names = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    el.setAttribute('class', names.map((c) => scrambleName(c, seed)).join(' '));
  }
  return doc;
}

/** The scrambled copy of an HTML string (for pages served to a real browser). */
export function scrambleHtml(html: string, seed = 'x'): string {
  return html.replace(/(<[a-z][^>]*?\s)class\s*=\s*("([^"]*)"|'([^']*)')/gi, (_m, pre: string, _q, dq?: string, sq?: string) => {
    const names = (dq ?? sq ?? '').split(/\s+/).filter(Boolean);
    return `${pre}class="${names.map((c) => scrambleName(c, seed)).join(' ')}"`;
  });
}
