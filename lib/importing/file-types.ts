// The file types an article (or a new version of one) can be uploaded as: one list for the
// server's import and every upload control in the UI. Pure: client components import it.

export const ACCEPTED_FILE_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".docx"] as const;

/** For an <input type="file" accept=…>. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_FILE_EXTENSIONS.join(",");

/** For messages: ".txt, .md, .html or .docx". */
export const ACCEPTED_FILE_LABEL = ".txt, .md, .html or .docx";

export function isAcceptedFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
