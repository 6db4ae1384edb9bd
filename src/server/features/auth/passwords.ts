import { hash, verify } from "@node-rs/argon2";

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

/** A password policy users can meet on a phone keyboard: at least 8 characters, letters and digits. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return "Mật khẩu phải có ít nhất 8 ký tự";
  if (password.length > 200) return "Mật khẩu quá dài";
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return "Mật khẩu phải có cả chữ và số";
  return null;
}
