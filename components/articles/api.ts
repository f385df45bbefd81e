// Browser-side calls to the articles API: the error message the server wrote is what the user sees.

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export async function errorFromResponse(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(res.status, body.error?.code ?? "ERROR", body.error?.message ?? `The server answered ${res.status}.`);
  } catch {
    return new ApiError(res.status, "ERROR", `The server answered ${res.status}. Try again.`);
  }
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
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else {
        const err = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
        reject(new ApiError(xhr.status, err?.code ?? "ERROR", err?.message ?? `The server answered ${xhr.status}. Try again.`));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "The request did not reach the server. Check your connection and try again."));
    xhr.send(body);
  });
}
