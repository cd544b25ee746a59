// ZIP archives written by hand, so that tests (and the zip-bomb benchmark) can make headers lie:
// a part declaring 2,000 bytes that inflates to hundreds of megabytes, odd compression methods,
// encryption flags.
import { crc32, constants, deflateRawSync } from 'node:zlib';
import { entryData, readZipEntries } from '../../server/lib/zipReader.js';

export interface ArchivePart {
  name: string;
  /** The compressed bytes as stored (see `deflated`, `zeros`). */
  data: Buffer;
  method?: number;
  /** The uncompressed size the headers declare. */
  size: number;
  crc?: number;
  flags?: number;
}

/** A part deflated honestly from its content. */
export function deflated(name: string, content: string | Buffer): ArchivePart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes) };
}

/** A part stored uncompressed. */
export function stored(name: string, content: string | Buffer): ArchivePart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: bytes, method: 0, size: bytes.length, crc: crc32(bytes) };
}

/**
 * A deflate stream of `megabytes` MB of zeros, about 1 KB per MB, made in milliseconds: one
 * megabyte's blocks, flushed so that they stand alone, repeated, then an empty final block.
 */
export function zeros(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), {
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), end]);
}

/** The archive, with each part's headers saying exactly what the part says. */
export function zipArchive(parts: readonly ArchivePart[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(part.flags ?? 0, at);
      header.writeUInt16LE(part.method ?? 8, at + 2);
      header.writeUInt32LE(part.crc ?? 0, at + 8);
      header.writeUInt32LE(part.data.length, at + 12);
      header.writeUInt32LE(part.size, at + 16);
      header.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 6);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central, 8);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, part.data);
    directory.push(central, name);
    offset += 30 + name.length + part.data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}

const XLSX_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Comment log" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** A minimal workbook whose one sheet is `sheet` (for example a lying bomb). */
export function xlsxWith(sheet: ArchivePart): Buffer {
  return zipArchive([
    ...Object.entries(XLSX_PARTS).map(([name, xml]) => deflated(name, xml)),
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ]);
}

/** A lying bomb: `megabytes` MB of zeros declared as 2,000 bytes. */
export function lyingBomb(name: string, megabytes: number): ArchivePart {
  return { name, data: zeros(megabytes), method: 8, size: 2000, crc: 0 };
}

/** The archive with `part` in place of the part of the same name (or added). */
export function replacePart(archive: Buffer, part: ArchivePart): Buffer {
  const parts: ArchivePart[] = [...readZipEntries(archive).values()]
    .filter((entry) => entry.name !== part.name)
    .map((entry) => ({
      name: entry.name,
      data: entryData(archive, entry),
      method: entry.method,
      size: entry.size,
      crc: entry.crc32,
    }));
  return zipArchive([...parts, part]);
}
