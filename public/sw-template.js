// Tend's service worker: keeps every file of the site so Tend opens with no
// network. sw.js is written at build time by tools/sw.mjs from
// tools/sw-template.js, with the list of the site's files and a version (a
// hash of their names and contents) filled in; edit the template, not sw.js.
//
// Everything is relative to the registration's scope, so one build works at
// a host's root, under any sub-path, and beside another Tend deployment on
// the same origin (each scope has caches of its own).

/** A hash of every file below; changes whenever any file changes. */
const VERSION = __TEND_VERSION__;
/** Every file of the site except this one, relative to the scope. */
const FILES = __TEND_FILES__;

const SCOPE = self.registration.scope;
const PRECACHE_PREFIX = `tend-precache:${SCOPE}:`;
const PRECACHE = PRECACHE_PREFIX + VERSION;
/** Holds the latest copies of files a deployer may change (the config, an instrument file). */
const RUNTIME = `tend-runtime:${SCOPE}`;

const urlOf = (path) => new URL(path, SCOPE).href;
const LISTED = new Set(FILES.map(urlOf));
const INDEX = urlOf('index.html');
const CONFIG = urlOf('tend.config.json');

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the page asks for it
  // (after the person chose to reload), so a page never runs half old, half
  // new files. The first install has no old worker to wait for.
  event.waitUntil(
    caches.open(PRECACHE).then((cache) =>
      // 'reload' skips the HTTP cache, so the precache holds what the
      // server has now, not an older copy the browser kept.
      cache.addAll(FILES.map((path) => new Request(urlOf(path), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'tend:skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Only this scope's older versions: a name that merely starts with
      // this scope may belong to a deeper scope (/a/ and /a/b/), whose
      // suffix then holds a slash rather than a bare version hash.
      for (const name of await caches.keys()) {
        const suffix = name.startsWith(PRECACHE_PREFIX) ? name.slice(PRECACHE_PREFIX.length) : null;
        if (suffix !== null && suffix !== VERSION && /^[0-9a-f]+$/.test(suffix)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  // Tend routes on the fragment; a query string (an LMS launch parameter,
  // a config override) never changes which file is asked for.
  const file = url.origin + url.pathname;

  if (request.mode === 'navigate' && (file === SCOPE || file === INDEX)) {
    event.respondWith(fromPrecache(INDEX, request));
  } else if (file === CONFIG) {
    event.respondWith(fromNetworkFirst(request, CONFIG));
  } else if (LISTED.has(file)) {
    event.respondWith(fromPrecache(file, request));
  } else if (request.mode !== 'navigate') {
    // A file a deployer put beside index.html after the build (the
    // instrument file tend.config.json names): the network's copy, or the
    // last one seen when offline.
    event.respondWith(fromNetworkFirst(request, file));
  }
});

/** The precached copy of `key`, or the network's answer when it is missing. */
async function fromPrecache(key, request) {
  const cache = await caches.open(PRECACHE);
  return (await cache.match(key)) || fetch(request);
}

/**
 * A file a deployer may change without rebuilding (the config, an
 * instrument file): the network's copy wins; the last copy fetched (or the
 * one shipped) serves when the network is out of reach. A file that is gone
 * from the server is forgotten.
 */
async function fromNetworkFirst(request, key) {
  const runtime = await caches.open(RUNTIME);
  try {
    // Past the HTTP cache: a deployer's change shows on the next visit.
    const response = await fetch(new Request(request, { cache: 'no-cache' }));
    if (response.ok) await runtime.put(key, response.clone());
    else if (response.status === 404 || response.status === 410) await runtime.delete(key);
    return response;
  } catch (offline) {
    const kept = (await runtime.match(key)) || (await (await caches.open(PRECACHE)).match(key));
    if (kept) return kept;
    throw offline;
  }
}
