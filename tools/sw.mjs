// Writes the site's service worker, sw.js, from public/sw-template.js with
// the list of every file under the site directory and a version hashed from
// their paths and contents. The post_build hook calls it last, once every
// other file is in place; tests call it to make "a rebuild" of a copy.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The service worker's file name, at the site's root. */
export const SW_FILE = 'sw.js';

const TEMPLATE = new URL('../public/sw-template.js', import.meta.url);

/** Every file under `dir` (recursively), as sorted '/'-separated paths. */
export function siteFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * Writes `<dir>/sw.js` and returns `{ version, files }`: `files` the paths
 * it precaches, `version` the first 16 hex digits of a sha256 over each
 * path and content, in order.
 */
export function writeServiceWorker(dir) {
  const files = siteFiles(dir).filter((path) => path !== SW_FILE);
  const hash = createHash('sha256');
  for (const path of files) {
    const body = readFileSync(join(dir, path));
    // Lengths keep (path, content) pairs from running into each other.
    hash.update(`${path}\0${body.length}\0`);
    hash.update(body);
  }
  const version = hash.digest('hex').slice(0, 16);
  // The worker resolves these against its scope, so each is a URL path.
  const urls = files.map((path) => path.split('/').map(encodeURIComponent).join('/'));
  const template = readFileSync(TEMPLATE, 'utf8');
  for (const token of ['__TEND_VERSION__', '__TEND_FILES__']) {
    if (!template.includes(token)) throw new Error(`public/sw-template.js lacks ${token}`);
  }
  const source = template
    .replace('__TEND_VERSION__', () => JSON.stringify(version))
    .replace('__TEND_FILES__', () => JSON.stringify(urls, null, 2));
  writeFileSync(join(dir, SW_FILE), source);
  return { version, files };
}
