// Coded application errors, mapped to HTTP status in one place (httpStatusFor).
export type ErrorCode =
  | "BAD_REQUEST"
  | "VALIDATION_ERROR"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "GONE"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE"
  | "RATE_LIMITED"
  | "UPSTREAM_ERROR"
  | "UNAVAILABLE"
  | "INTERNAL";

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UPSTREAM_ERROR: 502,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

// One brand for every copy of this module: a Next server can load it twice (instrumentation.ts
// creates the shared database client, whose write checks throw AppErrors, in another module layer
// than the route handlers), and `instanceof` must still recognise those errors, or they leave as 500s.
const APP_ERROR = Symbol.for("factmark.AppError");

export class AppError extends Error {
  readonly [APP_ERROR] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[APP_ERROR] === true;
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable detail for the client (e.g. the current claim on a 409). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code];
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Not found, or not visible to this actor: the two are indistinguishable on purpose. */
export function notFound(what = "Resource"): AppError {
  return new AppError("NOT_FOUND", `${what} not found.`);
}

export function forbidden(message = "You do not have permission to do that."): AppError {
  return new AppError("FORBIDDEN", message);
}
