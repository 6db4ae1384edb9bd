import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

/** The closed set of error codes clients branch on, each with its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  ACCOUNT_DISABLED: 403,
  /** A demo account (published password) on a server that does not run as a demo. */
  DEMO_ACCOUNT_REFUSED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  /** Every document/spreadsheet worker busy and the waiting line full: try again in a moment. */
  BUSY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An expected failure: a stable code, a Vietnamese message, optional field details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Không tìm thấy dữ liệu") => new AppError("NOT_FOUND", what);
export const forbidden = (msg = "Bạn không có quyền thực hiện thao tác này") => new AppError("FORBIDDEN", msg);
export const invalid = (message: string, details?: ErrorDetail[]) => new AppError("VALIDATION_FAILED", message, details);
/** 409; `path` names the field whose value is taken, so a form can show the message beside it. */
export const conflict = (message: string, path?: string) => new AppError("CONFLICT", message, path ? [{ path, message }] : undefined);

function body(code: ErrorCode, message: string, details?: ErrorDetail[]) {
  return { error: { code, message, ...(details && details.length ? { details } : {}) } };
}

/** Maps every error to the one error shape; never leaks a stack trace or SQL. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      // a busy worker pool frees up within seconds: tell clients and proxies when to try again (RFC 9110 §10.2.3)
      if (err.code === "BUSY") void reply.header("retry-after", "30");
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: (v.instancePath || "").replace(/^\//, "").replace(/\//g, "."),
        message: v.message ?? "Giá trị không hợp lệ",
      }));
      return reply.status(400).send(body("VALIDATION_FAILED", "Dữ liệu gửi lên không hợp lệ", details));
    }
    const fe = err as FastifyError;
    if (fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" || (fe.statusCode === 400 && err instanceof SyntaxError)) {
      return reply.status(400).send(body("MALFORMED_JSON", "Nội dung gửi lên không phải JSON hợp lệ"));
    }
    if (fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return reply.status(400).send(body("MALFORMED_JSON", "Nội dung JSON bị trống"));
    }
    if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE" || fe.statusCode === 413 || fe.code === "FST_REQ_FILE_TOO_LARGE") {
      return reply.status(413).send(body("PAYLOAD_TOO_LARGE", "Dữ liệu gửi lên vượt quá dung lượng cho phép"));
    }
    if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || fe.statusCode === 415) {
      return reply.status(415).send(body("UNSUPPORTED_MEDIA_TYPE", "Định dạng nội dung không được hỗ trợ"));
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send(body("RATE_LIMITED", "Quá nhiều yêu cầu, vui lòng thử lại sau"));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(400).send(body("VALIDATION_FAILED", "Yêu cầu không hợp lệ"));
    }
    // Only the error's kind, code, message and stack: a database error object also carries the
    // query text and its parameters, which have no place in the log.
    req.log.error({ err: { type: err.name, code: fe.code, message: err.message, stack: err.stack } }, "unhandled error");
    return reply.status(500).send(body("INTERNAL", "Đã có lỗi hệ thống, vui lòng thử lại sau"));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(body("NOT_FOUND", "Không tìm thấy địa chỉ yêu cầu"));
  });
}

/**
 * What Fastify's router refuses before any route runs (a path that is not valid percent-encoded
 * UTF-8, a path parameter over the length limit): 400 in the one error shape.
 */
export function frameworkErrors(_err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  void reply.status(400).send(body("VALIDATION_FAILED", "Địa chỉ yêu cầu không hợp lệ"));
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (headers too large → 431,
 * anything else malformed → 400) in the same error shape as every other error.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const payload = JSON.stringify(
    tooLarge
      ? body("HEADERS_TOO_LARGE", "Phần đầu (header) của yêu cầu quá lớn")
      : body("VALIDATION_FAILED", "Yêu cầu không hợp lệ"),
  );
  const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`);
}
