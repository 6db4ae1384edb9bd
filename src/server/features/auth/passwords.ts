import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// argon2id (algorithm 2) with OWASP's recommended minimum cost.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against its argon2id hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The minimum length (OWASP ASVS level 2, 2.1.1); no composition rules (2.1.9). */
export const MIN_PASSWORD_LENGTH = 12;

// The 49,000 most common passwords shipped with zxcvbn-ts, and the local ones people here reach
// for first (ASVS 2.1.7: checked against a list of breached or common passwords).
const LOCAL_COMMON = ["matkhau", "matkhau123", "matkhaumoi", "matkhau2026", "danvankheo", "dangcongsan", "chibo", "bithu", "quantri", "thanhan", "vietnam", "hochiminh", "demo123"];
const COMMON = new Set([...(dictionary["passwords-common"] as string[]), ...LOCAL_COMMON]);

/**
 * Why a new password is refused, in Vietnamese, or null. At least 12 characters, at most 200; not
 * a common password, also once a trailing run of digits or symbols is taken off ("matkhau2026!").
 */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (password.length > 200) return "Mật khẩu quá dài";
  const lower = password.normalize("NFC").toLowerCase();
  const stem = lower.replace(/[\d\p{P}\p{S}\s]+$/u, "");
  if (COMMON.has(lower) || COMMON.has(stem) || /^(.)\1+$/u.test(lower)) return "Mật khẩu quá phổ biến, dễ đoán; hãy chọn một cụm từ riêng của mình";
  return null;
}
