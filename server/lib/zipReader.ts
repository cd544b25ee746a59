// Just enough of the ZIP format to look inside an uploaded Office file: list its parts from the
// central directory and inflate the few we read ourselves. No I/O, no dependencies beyond zlib.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
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
const ZIP64_MARKER = 0xffffffff;

/** Whether the bytes start like a ZIP archive (an ordinary or an empty one). */
export function looksLikeZip(buffer: Buffer): boolean {
  if (buffer.length < 4) return false;
  const signature = buffer.readUInt32LE(0);
  return signature === LOCAL_HEADER || signature === END_OF_DIRECTORY;
}

/** The archive's entries by name, read from its central directory. */
export function readZipEntries(buffer: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(buffer);
  const count = buffer.readUInt16LE(end + 10);
  const directorySize = buffer.readUInt32LE(end + 12);
  const directoryOffset = buffer.readUInt32LE(end + 16);
  if (directoryOffset === ZIP64_MARKER || directorySize === ZIP64_MARKER) {
    throw new ZipFormatError('ZIP64 archives are not supported');
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
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (entry.compressedSize === ZIP64_MARKER || entry.size === ZIP64_MARKER) {
      throw new ZipFormatError('ZIP64 archives are not supported');
    }
    entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes, refusing to inflate beyond `maxBytes`. */
export function readZipEntry(buffer: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ZipFormatError(`the part ${entry.name} is damaged`);
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) {
    throw new ZipFormatError(`the part ${entry.name} is truncated`);
  }
  if (entry.size > maxBytes) throw new ZipFormatError(`the part ${entry.name} is too large`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) {
    throw new ZipFormatError(`the part ${entry.name} uses an unsupported compression method`);
  }
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (err) {
    const tooLarge = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new ZipFormatError(
      tooLarge ? `the part ${entry.name} is too large` : `the part ${entry.name} is damaged`,
    );
  }
}

function findEndOfDirectory(buffer: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= earliest; at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError('the archive is truncated or damaged');
}
