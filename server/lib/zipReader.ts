// Just enough of the ZIP format to look inside an uploaded Office file: list its parts from the
// central directory and inflate the few we read ourselves. No I/O, no dependencies beyond zlib.
// An archive is checked part by part (zipVerify.ts) before anything else reads it.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_MARKER = 0xffffffff;
export const STORED = 0;
export const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x0001;
const STRONG_ENCRYPTION_FLAG = 0x0040;
const AES_METHOD = 99;

/** Whether the bytes start like a ZIP archive (an ordinary or an empty one). */
export function looksLikeZip(buffer: Buffer): boolean {
  if (buffer.length < 4) return false;
  const signature = buffer.readUInt32LE(0);
  return signature === LOCAL_HEADER || signature === END_OF_DIRECTORY;
}

const zip64 = () => new ZipFormatError('ZIP64 archives are not supported');

/**
 * The archive's entries by name, read from its central directory. Refuses what Office never
 * writes and we cannot check: ZIP64, split archives, encryption, compression other than deflate,
 * and two parts of the same name (which two readers could resolve differently).
 */
export function readZipEntries(buffer: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(buffer);
  const disk = buffer.readUInt16LE(end + 4);
  const directoryDisk = buffer.readUInt16LE(end + 6);
  const count = buffer.readUInt16LE(end + 10);
  const directorySize = buffer.readUInt32LE(end + 12);
  const directoryOffset = buffer.readUInt32LE(end + 16);
  if (end >= 20 && buffer.readUInt32LE(end - 20) === ZIP64_LOCATOR) throw zip64();
  if (directoryOffset === ZIP64_MARKER || directorySize === ZIP64_MARKER || count === 0xffff) {
    throw zip64();
  }
  if (disk !== 0 || directoryDisk !== 0 || buffer.readUInt16LE(end + 8) !== count) {
    throw new ZipFormatError('split (multi-part) archives are not supported');
  }
  if (directoryOffset + directorySize > end) {
    throw new ZipFormatError('the archive is truncated');
  }
  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw new ZipFormatError('the archive directory is damaged');
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      crc32: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (
      entry.compressedSize === ZIP64_MARKER ||
      entry.size === ZIP64_MARKER ||
      entry.localHeaderOffset === ZIP64_MARKER
    ) {
      throw zip64();
    }
    checkEntry(entry);
    if (entries.has(entry.name)) {
      throw new ZipFormatError(`the part ${entry.name} appears more than once`);
    }
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkEntry(entry: ZipEntry): void {
  if (entry.flags & (ENCRYPTED_FLAG | STRONG_ENCRYPTION_FLAG) || entry.method === AES_METHOD) {
    throw new ZipFormatError(
      `the part ${entry.name} is encrypted; save the file without a password`,
    );
  }
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new ZipFormatError(
      `the part ${entry.name} uses compression method ${entry.method}; only stored and deflated parts are supported`,
    );
  }
  if (entry.method === STORED && entry.compressedSize !== entry.size) {
    throw new ZipFormatError(`the part ${entry.name} is damaged (its sizes disagree)`);
  }
}

/** One entry's compressed bytes, found through its local header. */
export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ZipFormatError(`the part ${entry.name} is damaged`);
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) {
    throw new ZipFormatError(`the part ${entry.name} is truncated`);
  }
  return data;
}

/** One entry's bytes, refusing to inflate beyond `maxBytes` or beyond the size it declares. */
export function readZipEntry(buffer: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const data = entryData(buffer, entry);
  if (entry.size > maxBytes) throw new ZipFormatError(`the part ${entry.name} is too large`);
  if (entry.method === STORED) return data;
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch {
    throw new ZipFormatError(`the part ${entry.name} is damaged`);
  }
  if (inflated.length !== entry.size) {
    throw new ZipFormatError(`the part ${entry.name} is damaged`);
  }
  return inflated;
}

function findEndOfDirectory(buffer: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= earliest; at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError('the archive is truncated or damaged');
}
