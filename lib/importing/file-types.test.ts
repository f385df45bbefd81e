import { describe, expect, it } from "vitest";
import { fileKindOf } from "./import-file";
import { ACCEPT_ATTRIBUTE, ACCEPTED_FILE_EXTENSIONS, isAcceptedFileName } from "./file-types";

describe("accepted file types", () => {
  it("every extension the UI offers is one the import reads", () => {
    for (const ext of ACCEPTED_FILE_EXTENSIONS) expect(() => fileKindOf(`story${ext}`), ext).not.toThrow();
    expect(ACCEPT_ATTRIBUTE).toBe(".txt,.md,.markdown,.html,.htm,.docx");
  });
  it("tells accepted names from others, whatever their case", () => {
    expect(isAcceptedFileName("Story.DOCX")).toBe(true);
    expect(isAcceptedFileName("story.pdf")).toBe(false);
    expect(isAcceptedFileName("docx")).toBe(false);
  });
});
