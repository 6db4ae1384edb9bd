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
 * Reads the zip's central directory (milliseconds, nothing inflated): its entries and the sum of
 * their declared uncompressed sizes. `check` sees each entry with the count and running total so
 * far and may throw to stop.
 */
async function readDirectory(zip: ZipFile, check: (e: Entry, count: number, total: number) => void = () => {}): Promise<{ entries: Entry[]; total: number }> {
  const entries: Entry[] = [];
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (e: Entry) => {
      total += e.uncompressedSize;
      try {
        check(e, entries.length, total);
      } catch (err) {
        reject(err as Error);
        return;
      }
      entries.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", () => reject(broken()));
    zip.readEntry();
  });
  return { entries, total };
}

/**
 * What the zip says it inflates to, all entries together (from its central directory). After
 * {@link assertSafeZip} this bounds what parsing the file can inflate: an entry outgrowing its
 * declared size is refused there. The worker pool's budget for concurrent imports counts this.
 */
export async function declaredInflatedBytes(buf: Buffer): Promise<number> {
  const zip = await open(buf);
  try {
    return (await readDirectory(zip)).total;
  } finally {
    zip.close();
  }
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
  try {
    const { entries } = await readDirectory(zip, (e, count, total) => {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (count >= limits.maxEntries || total > limits.maxTotalBytes || (e.uncompressedSize > limits.ratioCheckFromBytes && ratio > limits.maxRatio)) throw tooBig();
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
