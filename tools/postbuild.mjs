// Trunk post_build hook: finishes index.html in the staging directory.
// - Fills the Content-Security-Policy with a sha256 hash of every inline
//   script Trunk wrote (its wasm loader), so no 'unsafe-inline' is needed.
// - Puts the static shell, the noscript note and the boot script into the
//   body, and writes help.html (see "The pages that need no wasm").
// - Fills the description from the English locale file, so it lives in the
//   locale files like every other string.
// - Puts the stylesheet inline, hashed into the CSP (see below).
// - Links the web app manifest and the icons.
// - Copies the content fragments the wasm fetches into the site (see below).
// - Renders the icons from public/icon.svg (tools/icons.mjs), writes the web
//   app manifest and a default, empty deployment config.
// - Last, writes the service worker with the list of every file above
//   (tools/sw.mjs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LINKED_ICONS, MANIFEST_ICONS, writeIcons } from './icons.mjs';
import { appString } from './locale.mjs';
import { writeServiceWorker } from './sw.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

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
// English's fragments are named in the wasm; another language's are named
// in its pack, which the wasm names.
const namedBy = (m, names) => {
  const packs = names
    .filter((n) => /\/pack\.[0-9a-f]+\.json$/.test(n) && wasm.includes(Buffer.from(n)))
    .map((n) => readFileSync(join(dirname(dirname(m)), n)));
  return (n) => wasm.includes(Buffer.from(n)) || packs.some((p) => p.includes(Buffer.from(n)));
};
const matching = manifests
  .map((m) => ({ m, names: readFileSync(m, 'utf8').split('\n').filter(Boolean), at: statSync(m).mtimeMs }))
  .filter(({ m, names }) => names.length > 0 && names.every(namedBy(m, names)))
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


// The pages that need no wasm (crates/tend-content/src/build/statics.rs
// writes them from the locale files into $OUT_DIR/static/): the English
// shell goes into index.html's body, every other language's shell beside it
// as a <template> that public/boot.js picks from by the browser's language,
// then boot.js itself, inline (hashed into the CSP below like Trunk's
// loader); the help pages and their one script go beside index.html.
const staticDir = join(out, 'static');
const readStatic = (name) => {
  try {
    return readFileSync(join(staticDir, name), 'utf8');
  } catch (e) {
    console.error(`postbuild: ${name} is missing from ${staticDir} (${e.message}); \`touch build.rs\` and build again`);
    process.exit(1);
  }
};
const otherShells = readdirSync(staticDir)
  .filter((f) => /^shell\.[A-Za-z0-9-]+\.html$/.test(f) && f !== 'shell.en.html')
  .sort()
  .map((f) => {
    const code = f.slice('shell.'.length, -'.html'.length);
    // The language's pack, which boot.js preloads beside the wasm when it
    // shows this shell, so the app has the words as soon as it starts.
    let pack = '';
    try {
      pack = readdirSync(join(staging, 'content', code)).find((n) => /^pack\.[0-9a-f]+\.json$/.test(n)) ?? '';
    } catch {
      // No folder: the language has no pack to preload.
    }
    const packAttr = pack ? ` data-tend-pack="content/${code}/${pack}"` : '';
    return `<template id="tend-shell-${code.split('-')[0].toLowerCase()}"${packAttr}>${readStatic(f)}</template>`;
  });
// Trunk's own loader (an inline module importing the app and its wasm) and
// its preloads would fetch the wasm alongside the stylesheet, before the
// first paint; boot.js starts the same two files after it instead.
const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
const appJs = loader?.[1].match(/from '(\.\/[^']+\.js)'/)?.[1];
const appWasm = loader?.[1].match(/module_or_path: '(\.\/[^']+\.wasm)'/)?.[1];
if (!appJs || !appWasm) {
  console.error("postbuild: Trunk's inline loader was not found in index.html; its output changed");
  process.exit(1);
}
html = html.replace(loader[0], '');
html = html.replace(/<link rel="modulepreload"[^>]*>/g, '').replace(/<link rel="preload"[^>]*\.wasm"[^>]*>/g, '');
const boot = readFileSync(new URL('../public/boot.js', import.meta.url), 'utf8')
  .replace('__TEND_APP_JS__', appJs)
  .replace('__TEND_APP_WASM__', appWasm);
const shell = [readStatic('shell.en.html'), ...otherShells, `<script>\n${boot}</script>`].join('\n');
for (const [token, replacement] of [
  ['<!-- __TEND_SHELL__ -->', shell],
  ['__TEND_NOSCRIPT__', readStatic('noscript.en.html')],
]) {
  if (!html.includes(token)) {
    console.error(`postbuild: index.html lacks ${token}`);
    process.exit(1);
  }
  html = html.replace(token, () => replacement);
}
const stylesheet = readdirSync(staging).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
if (!stylesheet) {
  console.error(`postbuild: no main-<hash>.css in ${staging}`);
  process.exit(1);
}
const helpPages = readdirSync(staticDir).filter((f) => /^help(\.[A-Za-z0-9-]+)?\.html$/.test(f));
for (const page of helpPages) {
  writeFileSync(join(staging, page), readStatic(page).replaceAll('__TEND_STYLESHEET__', stylesheet));
}
copyFileSync(new URL('../public/help.js', import.meta.url), join(staging, 'help.js'));
console.log(`postbuild: shell in index.html (${otherShells.length} other language(s)); ${helpPages.join(', ')} and help.js written`);

// The stylesheet goes inline, hashed into the CSP: the first paint then
// needs index.html alone (one round trip less on a slow phone), and it is
// styled even in a sandboxed frame on a host without CORS headers, where
// the opaque origin makes every load cross-origin. help.html links the
// same file, which stays in the site.
const styleLink = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\.\/(main-[0-9a-f]+\.css)"[^>]*\/?>/);
if (!styleLink || styleLink[1] !== stylesheet) {
  console.error("postbuild: Trunk's stylesheet link was not found in index.html; its output changed");
  process.exit(1);
}
const css = readFileSync(join(staging, stylesheet), 'utf8');
html = html.replace(styleLink[0], () => `<style>${css}</style>`);
const styleHash = `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  `style-src 'self' ${styleHash}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// `[app] key` of the English locale, plain (for JSON) or escaped for HTML.
const text = (key) => {
  try {
    return appString(key);
  } catch (e) {
    console.error(`postbuild: ${e.message}`);
    process.exit(1);
  }
};
const value = (key) => text(key).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

for (const [token, replacement] of [
  ['__TEND_CSP__', csp],
  ['__TEND_DESCRIPTION__', value('description')],
]) {
  if (!html.includes(token)) {
    console.error(`postbuild: index.html lacks ${token}`);
    process.exit(1);
  }
  html = html.replaceAll(token, replacement);
}

// The manifest and the icons, all relative (./, like Trunk's own links) so
// they resolve under any sub-path. A linked icon also keeps the browser from asking for
// /favicon.ico at the host's root, outside the app's own path.
if (/<link\b[^>]*\brel="[^"]*\b(icon|manifest)\b/i.test(html)) {
  console.error('postbuild: index.html already links an icon or manifest; postbuild.mjs writes those links');
  process.exit(1);
}
html = html.replace(
  /<\/title>/i,
  [
    '</title>',
    '    <link rel="manifest" href="./manifest.webmanifest" />',
    `    <link rel="icon" href="./${LINKED_ICONS.svg}" type="image/svg+xml" />`,
    `    <link rel="icon" href="./${LINKED_ICONS.favicon}" sizes="32x32" type="image/png" />`,
    `    <link rel="apple-touch-icon" href="./${LINKED_ICONS.appleTouch}" />`,
  ].join('\n'),
);

writeFileSync(indexPath, html);
console.log(`postbuild: CSP written with ${hashes.length} inline script hash(es)`);

// Icons, web app manifest and the default deployment config.
writeIcons(staging);
// The colours the page already uses: index.html's light theme-color and the
// light theme's page background (--bg in style/main.css).
const lightThemeColor = html.match(
  /<meta name="theme-color" content="(#[0-9a-f]{3,8})" media="\(prefers-color-scheme: light\)"/i,
)?.[1];
const pageBackground = readFileSync(new URL('../style/main.css', import.meta.url), 'utf8').match(
  /--bg:\s*(#[0-9a-f]{3,8})\s*;/i,
)?.[1];
if (!lightThemeColor || !pageBackground) {
  console.error('postbuild: no light theme-color meta in index.html or no --bg in style/main.css');
  process.exit(1);
}
const webManifest = {
  name: text('name'),
  short_name: text('short_name'),
  description: text('description'),
  // Relative to the manifest, so they resolve inside whatever path the site
  // is served under. No `id`: a relative id resolves against the origin
  // alone, which would make two deployments on one origin (/a/, /team/b/)
  // one app; without it the id is the start URL, one per deployment.
  start_url: './',
  scope: './',
  display: 'standalone',
  theme_color: lightThemeColor,
  background_color: pageBackground,
  icons: MANIFEST_ICONS,
};
writeFileSync(join(staging, 'manifest.webmanifest'), `${JSON.stringify(webManifest, null, 2)}\n`);
// The app fetches tend.config.json at start; deployers replace this one.
writeFileSync(join(staging, 'tend.config.json'), '{}');

// Last, so the service worker lists every file the site has.
const { version, files } = writeServiceWorker(staging);
console.log(`postbuild: icons, manifest and config written; sw.js precaches ${files.length} files (version ${version})`);
