// Trunk post_build hook: finishes index.html in the staging directory.
// - Fills the Content-Security-Policy with a sha256 hash of every inline
//   script Trunk wrote (its wasm loader), so no 'unsafe-inline' is needed.
// - Fills the noscript text and description from the English locale file, so
//   those strings live in the locale files like every other.
// - Loads the stylesheet in CORS mode, like the script and wasm (see below).
// - Declares an empty icon when index.html links none (see below).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// A tiny reader for the two plain `key = "value"` lines we need.
const ui = readFileSync(new URL('../locales/en/ui.toml', import.meta.url), 'utf8');
const value = (key) => {
  const m = ui.match(new RegExp(`^${key}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm'));
  if (!m) {
    console.error(`postbuild: locales/en/ui.toml has no [app] ${key}`);
    process.exit(1);
  }
  return JSON.parse(`"${m[1]}"`).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
};

for (const [token, replacement] of [
  ['__TEND_CSP__', csp],
  ['__TEND_NOSCRIPT__', value('noscript')],
  ['__TEND_DESCRIPTION__', value('description')],
]) {
  if (!html.includes(token)) {
    console.error(`postbuild: index.html lacks ${token}`);
    process.exit(1);
  }
  html = html.replaceAll(token, replacement);
}
// Trunk gives the stylesheet link an integrity hash but, unlike the script
// and wasm preloads, no crossorigin attribute. In a sandboxed frame (an LMS
// embedding without allow-same-origin) the page's origin is opaque, every
// load is cross-origin, and a no-cors stylesheet cannot be checked against
// its hash, so the browser drops it: load it in CORS mode like the rest.
html = html.replace(/<link\b(?=[^>]*\brel="stylesheet")(?=[^>]*\bintegrity=)(?![^>]*\bcrossorigin\b)/gi,
  '<link crossorigin="anonymous"');

// Without an icon link a browser asks for /favicon.ico at the host's root,
// outside the app's own path when it is served under a sub-path (an LMS, an
// intranet). Until index.html links a real icon, declare an empty one.
if (!/<link\b[^>]*\brel="[^"]*\bicon\b/i.test(html)) {
  html = html.replace(/<\/title>/i, '</title>\n    <link rel="icon" href="data:," />');
}

writeFileSync(indexPath, html);
console.log(`postbuild: CSP written with ${hashes.length} inline script hash(es)`);
