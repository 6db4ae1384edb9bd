import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { AppError } from "../http/errors.js";

/**
 * Limits on what an uploaded XLSX (a zip) may inflate to. Real workbooks compress text 5–20×;
 * a "zip bomb" (one 400 MB shared string in a 395 KB file) compresses 1000×.
 */
export const ZIP_LIMITS = {
  /** All entries together, uncompressed. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Entries above this size must not compress better than maxRatio. */
  ratioCheckFromBytes: 1024 * 1024,
  maxRatio: 100,
  maxEntries: 2000,
};

const tooBig = () =>
  new AppError("PAYLOAD_TOO_LARGE", "Tệp Excel khi giải nén quá lớn hoặc có tỉ lệ nén bất thường (nghi là tệp độc hại); hãy chia nhỏ hoặc lưu lại tệp bằng Excel rồi thử lại");
const broken = () => new AppError("UNSUPPORTED_MEDIA_TYPE", "Tệp Excel bị hỏng hoặc không đọc được");

function open(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(broken()) : resolve(zip))),
  );
}

/**
 * Refuses a zip whose entries would inflate beyond the limits, before any spreadsheet parser sees
 * it: first from the sizes its central directory declares (milliseconds, nothing inflated), then
 * by inflating every entry into a counter that discards the bytes, so a file that lies about its
 * sizes is stopped as soon as one entry outgrows what it declared (yauzl checks that) — memory
 * stays bounded by one inflate buffer.
 */
export async function assertSafeZip(buf: Buffer, limits = ZIP_LIMITS): Promise<void> {
  const zip = await open(buf);
  const entries: Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let total = 0;
      zip.on("entry", (e: Entry) => {
        total += e.uncompressedSize;
        const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
        if (entries.length >= limits.maxEntries || total > limits.maxTotalBytes || (e.uncompressedSize > limits.ratioCheckFromBytes && ratio > limits.maxRatio)) {
          reject(tooBig());
          return;
        }
        entries.push(e);
        zip.readEntry();
      });
      zip.on("end", () => resolve());
      zip.on("error", () => reject(broken()));
      zip.readEntry();
    });
    for (const e of entries) {
      if (e.fileName.endsWith("/")) continue;
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(e, (err, s) => (err || !s ? reject(broken()) : resolve(s))));
      await pipeline(stream, new Writable({ write: (_chunk, _enc, done) => done() })).catch(() => {
        throw tooBig();
      });
    }
  } finally {
    zip.close();
  }
}
