// The SCORM 1.2 package (`make scorm`: dist-scorm/tend-scorm.zip) imports
// cleanly by the manifest's own rules: read with a zip reader of its own
// (not tools/scorm.mjs's code), imsmanifest.xml is at the root, well formed
// and valid against the SCORM 1.2 schemas it ships, names exactly one SCO
// whose launch file is in the package, lists exactly the files the zip
// holds, and its identifiers are unique and resolve. Unpacked and served
// under a sub-path, as an LMS serves a package, the app loads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { DIST, ROOT, englishString, gotoScreen, launchBrowser, startSite, withPage } from './harness.mjs';

const ZIP = join(ROOT, 'dist-scorm/tend-scorm.zip');
const SCHEMAS = ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'];
const NS = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  imsmd: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
};

/**
 * Reads a zip from its end of central directory record: every entry's name
 * and inflated contents, checked against its local header, sizes and CRC.
 */
function readZip(buf) {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  assert.ok(end >= 0, 'no end of central directory record');
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  let at = buf.readUInt32LE(end + 16);
  assert.equal(at + size, end, 'the central directory does not end where the end record begins');
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, `central directory entry ${n}: bad signature`);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const packed = buf.readUInt32LE(at + 20);
    const unpacked = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;

    assert.equal(buf.readUInt32LE(local), 0x04034b50, `${name}: bad local header signature`);
    const localName = buf.subarray(local + 30, local + 30 + buf.readUInt16LE(local + 26)).toString('utf8');
    assert.equal(localName, name, `${name}: local header names ${localName}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + packed);
    assert.ok(method === 0 || method === 8, `${name}: compression method ${method}`);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(data.length, unpacked, `${name}: size`);
    assert.equal(crc32(data), crc, `${name}: CRC`);
    assert.ok(!entries.has(name), `${name} is in the zip twice`);
    assert.ok(!name.startsWith('/') && !name.includes('\\') && !name.split('/').includes('..'), `${name}: unsafe name`);
    entries.set(name, data);
  }
  assert.equal(at, end, 'entries do not fill the central directory');
  return entries;
}

/** Every file under `dir`, as '/'-separated paths. */
function listing(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .sort();
}

let zipEntries;
let unpacked;
let site;
let browser;

before(async () => {
  let buf;
  try {
    buf = readFileSync(ZIP);
  } catch {
    throw new Error(`${ZIP} is missing: run \`make scorm\` first`);
  }
  zipEntries = readZip(buf);
  unpacked = mkdtempSync(join(tmpdir(), 'tend-scorm-'));
  for (const [name, data] of zipEntries) {
    mkdirSync(dirname(join(unpacked, name)), { recursive: true });
    writeFileSync(join(unpacked, name), data);
  }
  // As an LMS serves an imported package: under a path of its own.
  site = await startSite({ dir: unpacked, base: '/lms/content/42/tend-scorm/' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
});

test('the package holds the release site, byte for byte, and the SCORM 1.2 schemas', () => {
  for (const file of listing(DIST)) {
    assert.ok(zipEntries.has(file), `${file} of dist/ is not in the package`);
    if (file === 'tend.config.json') continue;
    assert.ok(zipEntries.get(file).equals(readFileSync(join(DIST, file))), `${file} differs from dist/`);
  }
  // The site's settings, plus storage in memory only (docs/deploying.md).
  assert.deepEqual(JSON.parse(zipEntries.get('tend.config.json').toString('utf8')), {
    ...JSON.parse(readFileSync(join(DIST, 'tend.config.json'), 'utf8')),
    storage: 'memory',
  });
  for (const xsd of SCHEMAS) assert.ok(zipEntries.has(xsd), `${xsd} is not at the package root`);
  assert.ok(zipEntries.has('imsmanifest.xml'), 'imsmanifest.xml is not at the package root');
});

test('imsmanifest.xml is valid against the SCORM 1.2 schemas it ships', () => {
  let xmllint;
  try {
    xmllint = execFileSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).trim();
  } catch {
    assert.fail('xmllint is missing: `make deps` installs libxml2-utils');
  }
  // One schema that imports the three namespaces the manifest uses, from
  // the files in the package, so every element and attribute is checked.
  const driverDir = mkdtempSync(join(tmpdir(), 'tend-scorm-schemas-'));
  const driver = join(driverDir, 'scorm12.xsd');
  writeFileSync(
    driver,
    `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="${NS.imscp}" schemaLocation="${join(unpacked, 'imscp_rootv1p1p2.xsd')}"/>
  <xsd:import namespace="${NS.imsmd}" schemaLocation="${join(unpacked, 'imsmd_rootv1p2p1.xsd')}"/>
  <xsd:import namespace="${NS.adlcp}" schemaLocation="${join(unpacked, 'adlcp_rootv1p2.xsd')}"/>
</xsd:schema>
`,
  );
  try {
    execFileSync(xmllint, ['--noout', '--nonet', '--schema', driver, join(unpacked, 'imsmanifest.xml')], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (e) {
    assert.fail(`xmllint: ${e.stderr || e.message}`);
  } finally {
    rmSync(driverDir, { recursive: true, force: true });
  }
});

test('the manifest names one SCO that launches index.html and lists exactly the files of the zip', () =>
  withPage(browser, site, { check: false }, async ({ page }) => {
    const manifest = zipEntries.get('imsmanifest.xml').toString('utf8');
    // The browser's own XML parser, namespace-aware, reads the manifest.
    const read = await page.evaluate(
      ({ text, NS }) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.querySelector('parsererror');
        if (error) return { error: error.textContent };
        const all = (ns, name) => [...doc.getElementsByTagNameNS(ns, name)];
        const root = doc.documentElement;
        const organizations = all(NS.imscp, 'organizations')[0];
        return {
          root: `${root.namespaceURI} ${root.localName}`,
          schema: all(NS.imscp, 'schema')[0]?.textContent.trim(),
          schemaversion: all(NS.imscp, 'schemaversion')[0]?.textContent.trim(),
          ids: [...doc.querySelectorAll('[identifier]')].map((e) => e.getAttribute('identifier')),
          defaultOrganization: organizations?.getAttribute('default'),
          organizations: all(NS.imscp, 'organization').map((o) => ({
            id: o.getAttribute('identifier'),
            title: o.getElementsByTagNameNS(NS.imscp, 'title')[0]?.textContent.trim(),
          })),
          items: all(NS.imscp, 'item').map((i) => ({
            id: i.getAttribute('identifier'),
            ref: i.getAttribute('identifierref'),
          })),
          resources: all(NS.imscp, 'resource').map((r) => ({
            id: r.getAttribute('identifier'),
            type: r.getAttribute('type'),
            scormtype: r.getAttributeNS(NS.adlcp, 'scormtype'),
            href: r.getAttribute('href'),
            files: [...r.getElementsByTagNameNS(NS.imscp, 'file')].map((f) => f.getAttribute('href')),
          })),
        };
      },
      { text: manifest, NS },
    );
    assert.equal(read.error, undefined, `imsmanifest.xml is not well formed: ${read.error}`);
    assert.equal(read.root, `${NS.imscp} manifest`);
    assert.equal(read.schema, 'ADL SCORM');
    assert.equal(read.schemaversion, '1.2');

    const ncName = /^[A-Za-z_][A-Za-z0-9._-]*$/;
    for (const id of read.ids) assert.match(id, ncName, `identifier ${id} is not an xsd:ID`);
    assert.equal(new Set(read.ids).size, read.ids.length, `identifiers repeat: ${read.ids.join(', ')}`);

    assert.equal(read.organizations.length, 1, 'one organization');
    assert.equal(read.defaultOrganization, read.organizations[0].id, 'the default organization resolves');
    assert.ok(read.organizations[0].title, 'the organization has a title');
    const resourceIds = new Set(read.resources.map((r) => r.id));
    for (const item of read.items) {
      assert.ok(resourceIds.has(item.ref), `item ${item.id} refers to ${item.ref}, which no resource has`);
    }
    const scos = read.resources.filter((r) => r.scormtype === 'sco');
    assert.equal(scos.length, 1, 'exactly one SCO');
    const [sco] = scos;
    assert.equal(sco.type, 'webcontent');
    assert.equal(sco.href, 'index.html');
    assert.ok(zipEntries.has(decodeURI(sco.href)), 'the launch file is in the zip');
    assert.deepEqual(read.items.map((i) => i.ref), [sco.id], 'one item, launching the SCO');

    const listed = read.resources.flatMap((r) => r.files).map(decodeURI);
    assert.equal(new Set(listed).size, listed.length, 'a file is listed twice');
    const inZip = [...zipEntries.keys()].filter((n) => n !== 'imsmanifest.xml');
    const missing = listed.filter((f) => !zipEntries.has(f));
    const unlisted = inZip.filter((f) => !listed.includes(f));
    assert.deepEqual(missing, [], 'listed in the manifest but not in the zip');
    assert.deepEqual(unlisted, [], 'in the zip but not listed in the manifest');
  }));

test('unpacked and served under a sub-path, the package launches the app, and without an LMS API it stores nothing', () =>
  withPage(browser, site, {}, async ({ page }) => {
    const heading = await gotoScreen(page, site, '#/');
    assert.ok(heading.length > 0, 'the home screen has a heading');
    await gotoScreen(page, site, '#/settings');
    assert.equal(
      (await page.getByTestId('storage-banner').locator('p').first().textContent()).trim(),
      await englishString('ui-data.toml', 'data.banner', 'configured'),
    );
    await page.locator('input[name="theme"]').nth(2).check();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in the LMS site\'s storage');
  }));
