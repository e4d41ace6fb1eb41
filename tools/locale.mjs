// Reads the plain `key = "value"` strings of one table of the English
// interface locale (locales/en/ui.toml), for the build tools that write text
// outside the wasm: index.html, the web app manifest, the SCORM manifest.
import { readFileSync } from 'node:fs';

const UI = new URL('../locales/en/ui.toml', import.meta.url);

/** The strings of `[table]` in locales/en/ui.toml, by key. */
export function englishTable(table) {
  const out = {};
  let current = '';
  for (const line of readFileSync(UI, 'utf8').split('\n')) {
    const header = line.match(/^\s*\[([^\]]+)\]\s*$/);
    if (header) {
      current = header[1].trim();
      continue;
    }
    const m = line.match(/^\s*([A-Za-z0-9_]+)\s*=\s*"((?:[^"\\]|\\.)*)"/);
    if (m && current === table) out[m[1]] = JSON.parse(`"${m[2]}"`);
  }
  return out;
}

/** `[app] key` of locales/en/ui.toml; throws when it is missing. */
export function appString(key) {
  const value = englishTable('app')[key];
  if (value === undefined) throw new Error(`locales/en/ui.toml has no [app] ${key}`);
  return value;
}
