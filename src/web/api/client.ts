/**
 * The one way the web UI talks to the server: same-origin JSON with the session cookie, the CSRF
 * token from the last login or /me answer on every write, and server errors turned into
 * `ApiError` (the Vietnamese message is shown as-is; `code` is what the UI branches on).
 */

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** A failed request: HTTP status, stable English `code`, Vietnamese `message`, per-field `details`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from POST /api/auth/login or GET /api/auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Where to go when the session is gone; the router installs a soft navigation (see AuthBridge). */
let onUnauthorized: () => void = () => {
  if (!window.location.pathname.startsWith("/dang-nhap")) {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/dang-nhap?tiep=${encodeURIComponent(next)}`);
  }
};

export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Do not jump to the sign-in page on 401 (the sign-in call itself, the session probe). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

/** Builds `path?k=v…`, leaving out empty values. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const NETWORK_MESSAGE = "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.";

/** Sends a request to the API and returns the parsed JSON body (undefined for 204). */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: "same-origin",
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK", NETWORK_MESSAGE);
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | undefined)?.error;
    const error = new ApiError(
      res.status,
      e?.code ?? `HTTP_${res.status}`,
      e?.message ?? (res.status >= 500 ? "Máy chủ gặp sự cố, vui lòng thử lại sau." : "Yêu cầu không thành công."),
      e?.details ?? [],
    );
    if (res.status === 401 && !opts.noAuthRedirect) {
      csrfToken = null;
      onUnauthorized();
    }
    throw error;
  }
  return data as T;
}

/** The message to show for any error thrown by a request or a hook. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return NETWORK_MESSAGE;
}
