// Draws the app icons as PNGs with no image library: a speech bubble on the brand blue.
// Run once with `npx tsx scripts/make-icons.ts`; the PNGs are committed in public/icons.
import { mkdirSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BRAND = [0x1d, 0x4f, 0x91];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buffer: Buffer): number {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function icon(size: number, safeZone: number): Buffer {
  const rows: Buffer[] = [];
  const c = size / 2;
  const scale = (size / 2) * safeZone;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      // Bubble: an ellipse with a tail at the bottom left.
      const dx = (x - c) / (scale * 0.8);
      const dy = (y - c * 0.92) / (scale * 0.6);
      const inBubble = dx * dx + dy * dy <= 1;
      const tx = (x - (c - scale * 0.35)) / scale;
      const ty = (y - (c + scale * 0.45)) / scale;
      const inTail = ty >= 0 && ty <= 0.35 && tx >= -0.1 && tx <= 0.25 - ty * 0.7;
      const colour = inBubble || inTail ? WHITE : BRAND;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("public/icons", { recursive: true });
writeFileSync("public/icons/icon-192.png", icon(192, 0.9));
writeFileSync("public/icons/icon-512.png", icon(512, 0.9));
// Maskable icons keep their content inside the central 80% safe zone.
writeFileSync("public/icons/icon-maskable-512.png", icon(512, 0.65));
