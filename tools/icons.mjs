// Renders every icon Tend ships from one source drawing, public/icon.svg,
// into `<dir>/icons/`. Called by the post_build hook (postbuild.mjs); the
// PNGs are never kept in git.
//
//   icon-192.png, icon-512.png          the drawing as it is (purpose "any")
//   maskable-192.png, maskable-512.png  full-bleed background, the whole
//                                       drawing scaled into the central 80%
//                                       (the maskable safe zone)
//   apple-touch-icon.png                180×180, full-bleed and opaque (iOS
//                                       rounds the corners itself)
//   favicon-32.png, icon.svg            for the browser tab
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** The source drawing. */
export const ICON_SOURCE = new URL('../public/icon.svg', import.meta.url);

/** What a maskable icon's drawing is scaled to: the central 80 % safe zone. */
const SAFE_ZONE = 0.8;

/** The icons the manifest declares, in the manifest's own form. */
export const MANIFEST_ICONS = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
  { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

/** Paths (relative to the site) of the icons index.html links. */
export const LINKED_ICONS = {
  svg: 'icons/icon.svg',
  favicon: 'icons/favicon-32.png',
  appleTouch: 'icons/apple-touch-icon.png',
};

/**
 * Wraps the source drawing in a square canvas filled edge to edge with its
 * background colour, the drawing scaled by `scale` about the centre. The
 * drawing's own rounded background then blends into the full-bleed one.
 */
function fullBleed(svg, scale) {
  const viewBox = svg.match(/\bviewBox="([^"]+)"/)?.[1];
  const background = svg.match(/<rect\b[^>]*\bid="background"[^>]*\bfill="([^"]+)"/)?.[1];
  if (!viewBox || !background) {
    throw new Error('public/icon.svg needs a viewBox and a <rect id="background" fill="…">');
  }
  const [, , w, h] = viewBox.split(/[\s,]+/).map(Number);
  const inner = svg.replace(/<svg\b[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const x = (w * (1 - scale)) / 2;
  const y = (h * (1 - scale)) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">` +
    `<rect width="${w}" height="${h}" fill="${background}"/>` +
    `<svg x="${x}" y="${y}" width="${w * scale}" height="${h * scale}" viewBox="${viewBox}">${inner}</svg>` +
    `</svg>`
  );
}

/** Renders `svg` to a `size`×`size` PNG; `opaque` paints the background colour under it. */
function png(svg, size, opaque = false) {
  const background = opaque ? svg.match(/<rect\b[^>]*\bfill="([^"]+)"/)?.[1] : undefined;
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    background,
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
}

/** Writes every icon into `<dir>/icons/`; returns the paths written, relative to `dir`. */
export function writeIcons(dir) {
  const source = readFileSync(ICON_SOURCE, 'utf8');
  const maskable = fullBleed(source, SAFE_ZONE);
  const touch = fullBleed(source, 1);
  const files = {
    'icons/icon-192.png': png(source, 192),
    'icons/icon-512.png': png(source, 512),
    'icons/maskable-192.png': png(maskable, 192),
    'icons/maskable-512.png': png(maskable, 512),
    [LINKED_ICONS.appleTouch]: png(touch, 180, true),
    [LINKED_ICONS.favicon]: png(source, 32),
    [LINKED_ICONS.svg]: Buffer.from(source),
  };
  mkdirSync(join(dir, 'icons'), { recursive: true });
  for (const [path, body] of Object.entries(files)) writeFileSync(join(dir, path), body);
  return Object.keys(files);
}
