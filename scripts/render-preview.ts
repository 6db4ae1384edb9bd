/**
 * Renders the sample documents, and the documents built from the demo data
 * (render-preview-demo.ts), to DOCX and PDF, converts the DOCX with LibreOffice (when
 * installed) and both PDFs to PNG, so a person can look at what offices will print.
 *
 *   npx tsx scripts/render-preview.ts [outdir]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { renderDocx } from '../src/server/documents/render-docx.js';
import { renderPdf } from '../src/server/documents/render-pdf.js';
import { sampleDocuments } from '../src/server/documents/samples.js';
import { demoDocuments } from './render-preview-demo.js';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) {
    process.stderr.write(`${command} thất bại (${String(result.status ?? result.signal ?? '?')}): ${result.stderr}\n`);
    return false;
  }
  return true;
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? path.join(tmpdir(), 'dan-van-kheo-preview'));
  const loDir = path.join(outDir, 'libreoffice');
  mkdirSync(loDir, { recursive: true });

  const docxFiles: string[] = [];
  const pdfFiles: string[] = [];
  for (const { slug, model } of sampleDocuments) {
    const docxPath = path.join(outDir, `${slug}.docx`);
    const pdfPath = path.join(outDir, `${slug}.pdf`);
    writeFileSync(docxPath, await renderDocx(model));
    writeFileSync(pdfPath, await renderPdf(model));
    docxFiles.push(docxPath);
    pdfFiles.push(pdfPath);
    process.stdout.write(`Đã ghi ${docxPath}, ${pdfPath}\n`);
  }
  // The member's forms, the minutes and the commendation documents, from the demo data.
  for (const { slug, docx, pdf } of await demoDocuments()) {
    const docxPath = path.join(outDir, `${slug}.docx`);
    const pdfPath = path.join(outDir, `${slug}.pdf`);
    writeFileSync(docxPath, docx);
    writeFileSync(pdfPath, pdf);
    docxFiles.push(docxPath);
    pdfFiles.push(pdfPath);
    process.stdout.write(`Đã ghi ${docxPath}, ${pdfPath} (dữ liệu mẫu)\n`);
  }

  if (has('soffice')) {
    // One profile per run: two conversions sharing a profile silently produce nothing.
    const profile = path.join(tmpdir(), `lo-profile-${String(process.pid)}`);
    const ok = run('soffice', [
      '--headless',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      loDir,
      ...docxFiles,
    ]);
    rmSync(profile, { recursive: true, force: true });
    if (ok) {
      for (const file of readdirSync(loDir).filter((name) => name.endsWith('.pdf'))) {
        pdfFiles.push(path.join(loDir, file));
      }
      process.stdout.write(`LibreOffice đã chuyển DOCX sang PDF trong ${loDir}\n`);
    }
  } else {
    process.stdout.write('Chưa có soffice (LibreOffice): bỏ qua bước chuyển DOCX sang PDF.\n');
  }

  if (has('pdftoppm')) {
    for (const pdf of pdfFiles) {
      const prefix = pdf.replace(/\.pdf$/, '');
      run('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
    }
    process.stdout.write(`Đã xuất PNG trong ${outDir} và ${loDir}\n`);
  } else {
    process.stdout.write('Chưa có pdftoppm (poppler-utils): bỏ qua bước xuất PNG.\n');
  }
}

await main();
