// The one browser client for Factmark's API (client components only; the server calls services).
// JSON in, JSON out; every failure is an ApiError carrying the server's { error: { code, message,
// details } } (e.g. the current claim on a 409), or code NETWORK when the server was not reached.
// The session cookie goes along (same origin), so the server's Origin check passes.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const NETWORK_MESSAGE = "Could not reach the server. Check your connection and try again.";

function errorFromBody(status: number, parsed: unknown): ApiError {
  const err = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  return new ApiError(status, err?.code ?? "ERROR", err?.message ?? `The server answered ${status}. Try again.`, err?.details);
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The ApiError for a failed response (its body read as the API's error shape). */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  return errorFromBody(res.status, parseJson(await res.text().catch(() => "")));
}

async function send(method: string, url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", NETWORK_MESSAGE);
  }
}

export async function api<T>(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(method, url, body, signal);
  if (!res.ok) throw await errorFromResponse(res);
  return parseJson(await res.text()) as T;
}

/** A GET whose answer is a file (exports): the body as a Blob and the response's headers. */
export async function apiBlob(url: string, signal?: AbortSignal): Promise<{ blob: Blob; headers: Headers }> {
  const res = await send("GET", url, undefined, signal);
  if (!res.ok) throw await errorFromResponse(res);
  return { blob: await res.blob(), headers: res.headers };
}

/**
 * POST with upload progress (fetch cannot report it). Resolves with the parsed JSON body;
 * rejects with the server's error message.
 */
export function postWithProgress<T>(url: string, body: FormData | string, onUploadProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    if (typeof body === "string") xhr.setRequestHeader("content-type", "application/json");
    xhr.responseType = "text";
    if (onUploadProgress) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onUploadProgress(e.loaded / e.total);
      };
      xhr.upload.onload = () => onUploadProgress(1);
    }
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(errorFromBody(xhr.status, parsed));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", NETWORK_MESSAGE));
    xhr.send(body);
  });
}
