// An uploaded Office file is checked part by part before any library reads it: every part is
// inflated once, counting and keeping nothing, and must unpack to exactly the size and checksum
// its header declares, within limits per part and per package. The libraries (exceljs, mammoth)
// inflate parts on their own, without limits, so they are handed a fresh archive written from the
// checked parts only (the same compressed bytes, honest headers, no comments or extra fields).
import { createInflateRaw, crc32 } from 'node:zlib';
import { DEFLATED, ZipFormatError, entryData, readZipEntries, type ZipEntry } from './zipReader.js';

export interface ZipLimits {
  /** The most bytes one part may unpack to. */
  maxPartBytes: number;
  /** The most bytes all parts together may unpack to. */
  maxTotalBytes: number;
  maxParts: number;
}

/** The archive is well formed but larger than the limits: a 413 rather than a 400. */
export class ZipLimitError extends ZipFormatError {
  constructor(message: string) {
    super(message);
    this.name = 'ZipLimitError';
  }
}

export interface VerifyOptions {
  /** Parts to write first in the fresh archive, for readers that stream it in order. */
  first?: readonly string[];
  /** Parts to add, stored, when the archive lacks them. */
  defaults?: Readonly<Record<string, string>>;
}

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Checks every part of the archive against the limits; returns the fresh archive. */
export async function verifyZip(
  buffer: Buffer,
  limits: ZipLimits,
  options: VerifyOptions = {},
): Promise<Buffer> {
  const entries = readZipEntries(buffer);
  if (entries.size > limits.maxParts) {
    throw new ZipLimitError(`it has more than ${limits.maxParts.toLocaleString('en-GB')} parts`);
  }
  // What the headers declare is checked first, so an honest giant is refused without inflating.
  let declared = 0;
  for (const entry of entries.values()) {
    if (entry.size > limits.maxPartBytes) throw partTooLarge(entry, limits);
    declared += entry.size;
  }
  if (declared > limits.maxTotalBytes) throw totalTooLarge(limits);

  const parts: Part[] = [];
  for (const entry of ordered(entries, options.first ?? [])) {
    const data = entryData(buffer, entry);
    const { size, crc } =
      entry.method === DEFLATED ? await inflateCounted(entry, data) : stored(data);
    if (crc !== entry.crc32) {
      throw new ZipFormatError(`the part ${entry.name} is damaged (its checksum does not match)`);
    }
    parts.push({ name: entry.name, method: entry.method, crc, size, data });
  }
  for (const [name, text] of Object.entries(options.defaults ?? {})) {
    if (entries.has(name)) continue;
    const data = Buffer.from(text, 'utf8');
    parts.push({ name, method: 0, crc: crc32(data), size: data.length, data });
  }
  return writeZip(parts);
}

const partTooLarge = (entry: ZipEntry, limits: ZipLimits) =>
  new ZipLimitError(
    `the part ${entry.name} unpacks to more than ${megabytes(limits.maxPartBytes)}, the limit for one part`,
  );
const totalTooLarge = (limits: ZipLimits) =>
  new ZipLimitError(
    `its parts together unpack to more than ${megabytes(limits.maxTotalBytes)}, the limit for a file`,
  );

function ordered(entries: Map<string, ZipEntry>, first: readonly string[]): ZipEntry[] {
  const rank = (name: string) => {
    const i = first.indexOf(name);
    return i < 0 ? first.length : i;
  };
  return [...entries.values()].sort((a, b) => rank(a.name) - rank(b.name));
}

function stored(data: Buffer): { size: number; crc: number } {
  return { size: data.length, crc: crc32(data) };
}

/**
 * Inflates on zlib's thread pool, counting the output and keeping none of it; stops as soon as
 * the part unpacks to more than its header declares (which the limits already bound).
 */
function inflateCounted(entry: ZipEntry, data: Buffer): Promise<{ size: number; crc: number }> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    let size = 0;
    let crc = 0;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      reject(err);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > entry.size) {
        fail(
          new ZipFormatError(
            `the part ${entry.name} unpacks to more than the ${entry.size.toLocaleString('en-GB')} bytes its header declares`,
          ),
        );
        return;
      }
      crc = crc32(chunk, crc);
    });
    inflate.on('error', () => fail(new ZipFormatError(`the part ${entry.name} is damaged`)));
    inflate.on('end', () => {
      if (settled) return;
      settled = true;
      if (size !== entry.size) {
        reject(
          new ZipFormatError(
            `the part ${entry.name} unpacks to ${size.toLocaleString('en-GB')} bytes, not the ${entry.size.toLocaleString('en-GB')} its header declares`,
          ),
        );
      } else resolve({ size, crc });
    });
    inflate.end(data);
  });
}

interface Part {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

const UTF8_NAMES = 0x0800;
const DOS_DATE_1980 = 0x0021;

/** A plain archive of the parts: no data descriptors, extra fields or comments. */
function writeZip(parts: readonly Part[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, part.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt16LE(DOS_DATE_1980, 14);
    central.writeUInt32LE(part.crc, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directorySize = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}
