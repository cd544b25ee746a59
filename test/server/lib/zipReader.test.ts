import { expect } from 'chai';
import { crc32 } from 'node:zlib';
import {
  ZipFormatError,
  readZipEntries,
  readZipEntry,
  type ZipEntry,
} from '../../../server/lib/zipReader.js';
import { ZipLimitError, verifyZip, type ZipLimits } from '../../../server/lib/zipVerify.js';
import {
  deflated,
  lyingBomb,
  stored,
  zeros,
  zipArchive,
  type ArchivePart,
} from '../../helpers/zipArchive.js';

const MB = 1024 * 1024;
const LIMITS: ZipLimits = { maxPartBytes: 8 * MB, maxTotalBytes: 10 * MB, maxParts: 10 };

async function refusal(promise: Promise<unknown>): Promise<ZipFormatError> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(ZipFormatError);
    return err as ZipFormatError;
  }
  throw new Error('expected the archive to be refused');
}

const contents = (archive: Buffer) =>
  Object.fromEntries(
    [...readZipEntries(archive).values()].map((e: ZipEntry) => [
      e.name,
      readZipEntry(archive, e, 100 * MB).toString('utf8'),
    ]),
  );

describe('zip reader', () => {
  describe('verifyZip', () => {
    it('passes an honest archive, writing a fresh one with the same parts', async () => {
      const archive = zipArchive([
        deflated('word/document.xml', '<w:document>text</w:document>'.repeat(100)),
        stored('word/media/image1.png', Buffer.from('not really a png')),
        deflated('empty.xml', ''),
      ]);
      const fresh = await verifyZip(archive, LIMITS);
      expect(contents(fresh)).to.deep.equal(contents(archive));
      expect(contents(fresh)['word/document.xml']).to.have.length(2900);
    });

    it('writes the named parts first and adds missing defaults', async () => {
      const archive = zipArchive([deflated('b.xml', 'b'), deflated('a.xml', 'a')]);
      const fresh = await verifyZip(archive, LIMITS, {
        first: ['a.xml'],
        defaults: { 'c.xml': '<c/>', 'b.xml': 'not used' },
      });
      expect([...readZipEntries(fresh).keys()]).to.deep.equal(['a.xml', 'b.xml', 'c.xml']);
      expect(contents(fresh)).to.deep.equal({ 'a.xml': 'a', 'b.xml': 'b', 'c.xml': '<c/>' });
    });

    it('stops a part that inflates to 200 MB while declaring 2,000 bytes, at 2,000 bytes', async () => {
      const archive = zipArchive([lyingBomb('xl/worksheets/sheet1.xml', 200)]);
      expect(archive.length).to.be.below(300 * 1024);
      const err = await refusal(verifyZip(archive, LIMITS));
      expect(err).not.to.be.instanceOf(ZipLimitError);
      expect(err.message).to.equal(
        'the part xl/worksheets/sheet1.xml unpacks to more than the 2,000 bytes its header declares',
      );
    });

    it('refuses a part that declares more than the part limit, without inflating it (413)', async () => {
      const honest: ArchivePart = {
        name: 'word/footnotes.xml',
        data: zeros(9),
        method: 8,
        size: 9 * MB,
        crc: crc32(Buffer.alloc(9 * MB)),
      };
      const err = await refusal(verifyZip(zipArchive([honest]), LIMITS));
      expect(err).to.be.instanceOf(ZipLimitError);
      expect(err.message).to.equal(
        'the part word/footnotes.xml unpacks to more than 8 MB, the limit for one part',
      );
      // Within the limit it is accepted: the size and checksum are those of 9 MB of zeros.
      const fresh = await verifyZip(zipArchive([honest]), { ...LIMITS, maxPartBytes: 9 * MB });
      expect(readZipEntries(fresh).get('word/footnotes.xml')?.size).to.equal(9 * MB);
    });

    it('refuses parts that together declare more than the package limit (413)', async () => {
      const part = (name: string): ArchivePart => ({
        name,
        data: zeros(6),
        method: 8,
        size: 6 * MB,
        crc: crc32(Buffer.alloc(6 * MB)),
      });
      const err = await refusal(verifyZip(zipArchive([part('a.xml'), part('b.xml')]), LIMITS));
      expect(err).to.be.instanceOf(ZipLimitError);
      expect(err.message).to.equal(
        'its parts together unpack to more than 10 MB, the limit for a file',
      );
    });

    it('refuses too many parts (413)', async () => {
      const parts = Array.from({ length: 11 }, (_, i) => deflated(`p${i}.xml`, 'x'));
      const err = await refusal(verifyZip(zipArchive(parts), LIMITS));
      expect(err).to.be.instanceOf(ZipLimitError);
      expect(err.message).to.equal('it has more than 10 parts');
    });

    it('refuses a part that unpacks to less than it declares, or with the wrong checksum', async () => {
      const short = { ...deflated('a.xml', 'abc'), size: 10 };
      expect((await refusal(verifyZip(zipArchive([short]), LIMITS))).message).to.equal(
        'the part a.xml unpacks to 3 bytes, not the 10 its header declares',
      );
      const wrongCrc = { ...deflated('a.xml', 'abc'), crc: 1 };
      expect((await refusal(verifyZip(zipArchive([wrongCrc]), LIMITS))).message).to.equal(
        'the part a.xml is damaged (its checksum does not match)',
      );
      const garbage = { ...deflated('a.xml', 'abc'), data: Buffer.from([0xff, 0xff, 0xff]) };
      expect((await refusal(verifyZip(zipArchive([garbage]), LIMITS))).message).to.equal(
        'the part a.xml is damaged',
      );
    });

    it('refuses encryption, compression other than deflate, and repeated names (400)', async () => {
      const cases: [ArchivePart[], string][] = [
        [
          [{ ...deflated('a.xml', 'abc'), flags: 1 }],
          'the part a.xml is encrypted; save the file without a password',
        ],
        [
          [{ ...deflated('a.xml', 'abc'), method: 99 }],
          'the part a.xml is encrypted; save the file without a password',
        ],
        [
          [{ ...deflated('a.xml', 'abc'), method: 12 }],
          'the part a.xml uses compression method 12; only stored and deflated parts are supported',
        ],
        [
          [{ ...stored('a.xml', 'abc'), size: 2 }],
          'the part a.xml is damaged (its sizes disagree)',
        ],
        [[deflated('a.xml', 'a'), deflated('a.xml', 'b')], 'the part a.xml appears more than once'],
      ];
      for (const [parts, message] of cases) {
        const err = await refusal(verifyZip(zipArchive(parts), LIMITS));
        expect(err).not.to.be.instanceOf(ZipLimitError);
        expect(err.message).to.equal(message);
      }
    });

    it('refuses ZIP64 archives', async () => {
      const archive = zipArchive([{ ...deflated('a.xml', 'abc'), size: 0xffffffff }]);
      expect((await refusal(verifyZip(archive, LIMITS))).message).to.equal(
        'ZIP64 archives are not supported',
      );
    });
  });

  describe('readZipEntry', () => {
    it('never inflates a part beyond the size it declares', () => {
      const archive = zipArchive([lyingBomb('word/footnotes.xml', 200)]);
      const entry = readZipEntries(archive).get('word/footnotes.xml');
      expect(entry?.size).to.equal(2000);
      expect(() => readZipEntry(archive, entry!, 100 * MB)).to.throw(
        ZipFormatError,
        'the part word/footnotes.xml is damaged',
      );
    });
  });
});
