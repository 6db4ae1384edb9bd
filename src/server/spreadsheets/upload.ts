import type { FastifyRequest } from "fastify";
import { AppError } from "../http/errors.js";
import { assertCleanText } from "../http/input-text.js";
import { looksLikeZip } from "./xlsx-reader.js";
import { assertSafeZip } from "./zip-guard.js";

/**
 * Reads the single XLSX file of a multipart upload (field name free) into a Buffer, bounded by the
 * multipart `fileSize` limit (config.maxUploadBytes → 413). Not multipart → 415; no file → 400;
 * not a ZIP → 415. The Buffer is the compressed file only; rows are streamed from it later.
 */
export async function readXlsxUpload(req: FastifyRequest, maxBytes: number): Promise<{ file: Buffer; fileName: string | null }> {
  if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Hãy gửi tệp Excel (.xlsx) dạng multipart/form-data");
  const part = await req.file();
  if (!part) throw new AppError("VALIDATION_FAILED", "Chưa chọn tệp Excel", [{ path: "file", message: "Chưa chọn tệp" }]);
  assertCleanText({ file: part.filename });
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `Tệp vượt quá dung lượng cho phép (tối đa ${(maxBytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB)`);
  let file: Buffer;
  try {
    file = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw err;
  }
  if (part.file.truncated) throw tooLarge();
  if (!looksLikeZip(file)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Tệp "${part.filename}" không phải bảng tính Excel (.xlsx)`);
  await assertSafeZip(file);
  return { file, fileName: part.filename || null };
}
