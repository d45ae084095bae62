// Bundle sizes of the SHIPPED build (.output/chrome-mv3): the popup's JavaScript (its entry module
// and every chunk it imports statically, followed recursively: what the popup must load before it
// can draw), gzipped; and each content script as injected.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const kb = (n) => Math.round((n / 1024) * 10) / 10;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Static imports of an ES module chunk (import … from "x", import "x", export … from "x"); dynamic import() is excluded. */
function staticImports(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+)["']/g)) out.add(m[1]);
  return [...out];
}

/** The JS files a page loads before it runs: its module scripts and their static import graph. */
export function pageScripts(dir, page) {
  const html = readFileSync(path.join(dir, page), 'utf8');
  const roots = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) if (spec.startsWith('.') || spec.startsWith('/')) visit(spec.startsWith('/') ? path.resolve(dir, spec.slice(1)) : path.resolve(path.dirname(file), spec));
  };
  for (const r of roots) visit(path.resolve(dir, r.replace(/^\//, '')));
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => path.join(dir, m[1].replace(/^\//, '')));
  return { js: [...seen], css };
}

/** Sizes in KB: popup JS raw + gzip (with the chunk list), each content script raw + gzip. */
export function bundleSizes(dir) {
  if (!existsSync(path.join(dir, 'manifest.json'))) return { status: `missing: ${dir} (run npm run build)` };
  const { js, css } = pageScripts(dir, 'popup.html');
  const all = Buffer.concat(js.map((f) => readFileSync(f)));
  const chunks = js.map((f) => ({ file: path.relative(dir, f), kb: kb(readFileSync(f).length), gzipKb: kb(gz(readFileSync(f))) }));
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const contentScripts = (manifest.content_scripts ?? []).flatMap((cs) => (cs.js ?? []).map((f) => {
    const buf = readFileSync(path.join(dir, f));
    return { file: f, matches: cs.matches, kb: kb(buf.length), gzipKb: kb(gz(buf)) };
  }));
  return {
    popup: { jsKb: kb(all.length), jsGzipKb: kb(gz(all)), cssGzipKb: kb(gz(Buffer.concat(css.map((f) => readFileSync(f))))), chunks },
    contentScripts,
  };
}
