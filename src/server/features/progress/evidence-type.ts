import { EVIDENCE_TYPES, type EvidenceMimeType } from "@contracts/progress.js";

const startsWith = (b: Uint8Array, sig: number[], offset = 0) => b.length >= offset + sig.length && sig.every((x, i) => b[offset + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The real type of an evidence file from its first bytes (magic numbers), or null when it is not
 * a JPEG, PNG, WebP image or a PDF. Why: a renamed executable or HTML page must not be stored and
 * later served as an "image".
 */
export function detectEvidenceType(bytes: Uint8Array): EvidenceMimeType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

/** The file name's extension, lower case, without the dot ("" when none). */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : "";
}

/**
 * Checks one uploaded file: its bytes must be an accepted type and its extension must match
 * that type. Returns the type, or the Vietnamese reason it is refused.
 */
export function checkEvidenceFile(fileName: string, bytes: Uint8Array): { ok: true; mimeType: EvidenceMimeType } | { ok: false; message: string } {
  const type = detectEvidenceType(bytes);
  const allowed = "ảnh JPEG, PNG, WebP hoặc tệp PDF";
  if (!type) return { ok: false, message: `Tệp “${fileName}” không phải ${allowed}` };
  const ext = extensionOf(fileName);
  if (!(EVIDENCE_TYPES[type].extensions as readonly string[]).includes(ext)) {
    return { ok: false, message: `Phần mở rộng của tệp “${fileName}” không khớp nội dung (${EVIDENCE_TYPES[type].label}); chỉ nhận ${allowed}` };
  }
  return { ok: true, mimeType: type };
}

/** A safe file name to store and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  if (cleaned.length <= 200) return cleaned || "tep-minh-chung";
  const ext = extensionOf(cleaned);
  return `${cleaned.slice(0, 190)}${ext ? `.${ext}` : ""}`;
}
