import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

// LibreOffice and poppler, to look at a Word document as a reader's office suite lays it out.

const run = promisify(execFile);
const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const POPPLER = ['pdfinfo', 'pdftotext', 'pdffonts'].map((tool) => `/usr/bin/${tool}`);

/**
 * Skips the suite when LibreOffice or poppler is missing, saying why; CI installs Debian's
 * libreoffice-writer-nogui and poppler-utils, so there it always runs.
 */
export function officeOrSkip(hook: Mocha.Context): void {
  const missing = [SOFFICE, ...POPPLER].filter((tool) => !existsSync(tool));
  if (missing.length) {
    console.warn(
      `Skipping the LibreOffice tests: ${missing.join(', ')} missing (install libreoffice-writer-nogui and poppler-utils).`,
    );
    hook.skip();
  }
}

export interface RenderedPdf {
  pages: number;
  /** The text of each page in reading order, each table cell's lines together, spaces collapsed. */
  pageTexts: string[];
  /** pdffonts' rows: each font's name and whether it is embedded. */
  fonts: { name: string; embedded: boolean }[];
}

/** Converts a .docx to PDF with LibreOffice and reads back its pages, text and fonts. */
export async function docxToPdf(docx: Buffer): Promise<RenderedPdf> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'm6-paper-pdf-'));
  try {
    const input = path.join(dir, 'paper.docx');
    await writeFile(input, docx);
    // A profile of its own, so that a LibreOffice already running (or another test) is no obstacle.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: 120_000 },
    );
    const pdf = path.join(dir, 'paper.pdf');
    if (!existsSync(pdf)) throw new Error('LibreOffice wrote no PDF');
    const info = (await run('pdfinfo', [pdf])).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const text = (await run('pdftotext', [pdf, '-'], { maxBuffer: 32 << 20 })).stdout;
    const pageTexts = text
      .split('\f')
      .slice(0, pages)
      .map((page) => page.replace(/\s+/g, ' ').trim());
    const fonts = (await run('pdffonts', [pdf])).stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        // name, type (one or two words), encoding, then emb sub uni as yes/no
        const flags = line.match(/\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
        return { name: line.split(/\s+/)[0] ?? '', embedded: flags?.[1] === 'yes' };
      });
    return { pages, pageTexts, fonts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
