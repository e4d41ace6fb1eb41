// What tools/bench.mjs and tools/bench-scale.mjs share: the browser they
// drive, how they find the build, and the previous run's results.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);
export const RESULTS = join(ROOT, 'bench-results');
export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Chromium's flags for Lighthouse; Playwright takes them without the first (it sets headless itself). */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The build folder `dir`, resolved; exits with a plain message (naming `tool`) when it has no index.html. */
export async function requireBuild(dir, tool) {
  const path = resolve(dir);
  try {
    await stat(join(path, 'index.html'));
  } catch {
    console.error(`${tool}: ${path}/index.html is missing; run \`make build\` first`);
    process.exit(1);
  }
  return path;
}

/** The previous run's results kept in `file`, or null. */
export async function previousSummary(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}
