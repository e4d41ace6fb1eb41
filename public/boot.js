// Tend's first paint. postbuild.mjs puts this inline at the end of
// index.html's body, after the shell (#tend-static) that the build wrote
// from the locale files, so it runs before the first paint and before the
// app's module. The app removes the shell when its own first screen is
// ready (platform::take_over_static_shell); until then this script:
// - shows the shell in the browser's language when Tend has it, as the app
//   chooses (?lang= first, then the browser's languages), and preloads that
//   language's pack;
// - with the passphrase lock on (its record under `tend:lock` is kept in
//   the open), speaks the language and wears the theme kept with it, and
//   shows none of the person's screens: the app opens on the unlock screen
//   (only the default namespace can be known before the app reads its
//   settings);
// - on any address but home, leaves the main area empty for the app;
// - when the app cannot start (no WebAssembly, its script or wasm fails to
//   load or to run), shows the message with the help page and Try again;
// - starts the app after the first paint.
(function () {
  'use strict';
  var root = document.getElementById('tend-static');
  if (!root) return;

  var locked = null;
  try {
    var record = JSON.parse(localStorage.getItem('tend:lock') || 'null');
    if (record && record.format === 'tend-lock') locked = record.shown || {};
  } catch (e) {
    // No storage, or not a lock record: as without a lock.
  }

  // The language kept with a lock comes first, as in the app.
  var wanted = [];
  if (locked && typeof locked.language === 'string') wanted.push(locked.language);
  try {
    var asked = new URLSearchParams(location.search).get('lang');
    if (asked) wanted.push(asked);
  } catch (e) {
    // No URLSearchParams: the browser's languages decide.
  }
  wanted = wanted.concat(navigator.languages || [navigator.language || '']);
  if (locked && (locked.theme === 'light' || locked.theme === 'dark')) {
    document.documentElement.setAttribute('data-theme', locked.theme);
  }
  for (var i = 0; i < wanted.length; i++) {
    var primary = String(wanted[i]).split(/[-_]/)[0].toLowerCase();
    if (primary === root.lang) break;
    var other = document.getElementById('tend-shell-' + primary);
    if (other && other.content && other.content.firstElementChild) {
      var shell = other.content.firstElementChild.cloneNode(true);
      root.replaceWith(shell);
      root = shell;
      document.documentElement.lang = root.lang;
      // The language's words, fetched beside the wasm rather than after it.
      var pack = other.getAttribute('data-tend-pack');
      if (pack) {
        var link = document.createElement('link');
        link.rel = 'preload';
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
        link.href = pack;
        document.head.appendChild(link);
      }
      break;
    }
  }

  var path = location.hash.replace(/^#/, '').split(/[?#]/)[0].replace(/^\/+|\/+$/g, '');
  if (locked) {
    var nav = root.querySelector('nav');
    if (nav) nav.remove();
  }
  if (path !== '' || locked) {
    var main = root.querySelector('[data-tend-home]');
    if (main) main.replaceChildren();
    var home = root.querySelector('nav a[aria-current]');
    if (home) home.removeAttribute('aria-current');
  }

  function fail() {
    // Once the app has taken over, its errors are its own.
    if (!root.isConnected) return;
    var message = root.querySelector('[data-testid="start-failed"]');
    if (message) message.hidden = false;
  }
  if (typeof WebAssembly !== 'object') fail();
  window.addEventListener(
    'error',
    function (event) {
      var t = event.target;
      var failedScript = t && (t.tagName === 'SCRIPT' || (t.tagName === 'LINK' && /modulepreload/.test(t.rel)));
      if (failedScript || event instanceof ErrorEvent) fail();
    },
    true,
  );
  window.addEventListener('unhandledrejection', fail);

  // The app itself starts after this first paint, so the page is readable
  // before a byte of the wasm has arrived (postbuild.mjs fills in the two
  // file names Trunk built and drops Trunk's own loader and preloads).
  function start() {
    if (window.performance && performance.mark) performance.mark('tend-load');
    import('__TEND_APP_JS__')
      .then(function (app) {
        return app.default({ module_or_path: '__TEND_APP_WASM__' });
      })
      .catch(function (error) {
        fail();
        throw error;
      });
  }
  if (typeof WebAssembly === 'object') {
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
  }
  root.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-tend-retry]')) location.reload();
  });
})();
