// Makes what `vsce package` packs (it runs this first): the extension and the language client
// bundled into one file, argmap's JSON Schemas, the licence, the README's screenshot and the icon.
// All are made from the repository's own files, so none is kept twice.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const esbuild = require("esbuild");

const here = __dirname;
const repo = path.join(here, "..", "..");

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

for (const name of ["map.schema.json", "claims.schema.json"]) {
  copy(path.join(repo, "argmap", "schemas", name), path.join(here, "schemas", name));
}
copy(path.join(repo, "LICENSE"), path.join(here, "LICENSE"));
copy(path.join(repo, "docs", "map.png"), path.join(here, "images", "map.png"));
fs.writeFileSync(path.join(here, "images", "icon.png"), icon(128));

esbuild.buildSync({
  entryPoints: [path.join(here, "extension.js")],
  outfile: path.join(here, "dist", "extension.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  external: ["vscode"],
  minify: true,
  legalComments: "external",
});

// The icon: the two perspectives' colours as two discs, joined by a line, on white (a PNG).
function icon(size) {
  const discs = [[0.28, 0.5, 0.16, [0x2a, 0x9d, 0x8f]], [0.72, 0.5, 0.16, [0xe7, 0x6f, 0x51]]];
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];  // filter type: none
    for (let x = 0; x < size; x++) {
      let colour = [255, 255, 255];
      const u = (x + 0.5) / size, v = (y + 0.5) / size;
      if (Math.abs(v - 0.5) < 0.025 && u > 0.3 && u < 0.7) colour = [0x33, 0x33, 0x33];
      for (const [cx, cy, r, c] of discs) if ((u - cx) ** 2 + (v - cy) ** 2 < r * r) colour = c;
      row.push(...colour, 255);
    }
    rows.push(Buffer.from(row));
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);  // 8 bits, RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header),
                        chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

// PNG's CRC-32 (zlib.crc32 is only in Node.js 20.15 and later).
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
