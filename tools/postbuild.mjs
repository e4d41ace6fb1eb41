// Trunk post_build hook: finishes index.html in the staging directory.
// - Fills the Content-Security-Policy with a sha256 hash of every inline
//   script Trunk wrote (its wasm loader), so no 'unsafe-inline' is needed.
// - Fills the noscript text and description from the English locale file, so
//   those strings live in the locale files like every other.
// - Loads the stylesheet in CORS mode, like the script and wasm (see below).
// - Declares an empty icon when index.html links none (see below).
// - Copies the content fragments the wasm fetches into the site (see below).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

// Content fragments. build.rs renders the long pages (Learn, leaders, the
// reading list) into $OUT_DIR/content/, names each file by a hash of its
// text, lists them in content/manifest.txt, and compiles those names into
// the wasm. Cargo keeps one OUT_DIR per build configuration and does not
// tell a hook which one, so look in every tend build directory under the
// target directory and take the fragments whose names the staged wasm
// holds: names are content hashes, so a match is the right text.
const wasmFiles = readdirSync(staging).filter((f) => f.endsWith('_bg.wasm'));
if (wasmFiles.length !== 1) {
  console.error(`postbuild: expected one *_bg.wasm in ${staging}, found ${wasmFiles.length}`);
  process.exit(1);
}
const wasm = readFileSync(join(staging, wasmFiles[0]));
let targetDir;
try {
  targetDir = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  ).target_directory;
} catch (e) {
  console.error(`postbuild: cannot find cargo's target directory: ${e.message}`);
  process.exit(1);
}
const manifests = [];
const look = (dir, depth) => {
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const path = join(dir, e.name);
    if (e.name === 'build') {
      for (const pkg of readdirSync(path).filter((n) => n.startsWith('tend-'))) {
        const manifest = join(path, pkg, 'out', 'content', 'manifest.txt');
        if (existsSync(manifest)) manifests.push(manifest);
      }
    } else if (depth > 0) {
      look(path, depth - 1);
    }
  }
};
look(targetDir, 2);
const matching = manifests
  .map((m) => ({ m, names: readFileSync(m, 'utf8').split('\n').filter(Boolean), at: statSync(m).mtimeMs }))
  .filter(({ names }) => names.length > 0 && names.every((n) => wasm.includes(Buffer.from(n))))
  .sort((a, b) => b.at - a.at);
if (matching.length === 0) {
  console.error(
    `postbuild: no content/manifest.txt under ${targetDir} names the fragments this wasm fetches ` +
      `(${manifests.length} looked at); \`touch build.rs\` and build again`,
  );
  process.exit(1);
}
const { m: manifest, names } = matching[0];
const out = dirname(dirname(manifest));
for (const name of names) {
  mkdirSync(dirname(join(staging, name)), { recursive: true });
  copyFileSync(join(out, name), join(staging, name));
}
console.log(`postbuild: ${names.length} content fragments copied from ${out}`);
