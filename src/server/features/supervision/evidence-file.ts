import { createHash } from "node:crypto";
import { AppError } from "../../http/errors.js";
import { checkEvidenceFile as checkType, cleanFileName } from "../progress/evidence-type.js";

/**
 * Checks an uploaded violation evidence file exactly like progress evidence: not empty, at most
 * `maxBytes` (413), a JPEG, PNG, WebP or PDF by its magic bytes with a matching extension (415).
 * Returns what to store.
 */
export function checkEvidenceFile(fileName: string, data: Buffer, maxBytes: number) {
  if (data.length === 0) throw new AppError("VALIDATION_FAILED", "Tệp minh chứng bị trống", [{ path: "file", message: "Tệp trống" }]);
  if (data.length > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Tệp minh chứng vượt quá ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
  const type = checkType(fileName, data);
  if (!type.ok) throw new AppError("UNSUPPORTED_MEDIA_TYPE", type.message);
  return { fileName: cleanFileName(fileName), mimeType: type.mimeType, sizeBytes: data.length, sha256: createHash("sha256").update(data).digest("hex") };
}
