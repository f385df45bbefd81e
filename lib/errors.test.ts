import { describe, expect, it } from "vitest";
import { AppError, isAppError } from "./errors";

describe("AppError", () => {
  it("is recognised across copies of the module (the brand is a global symbol)", () => {
    const fromAnotherCopy = Object.assign(new Error("id: contains a NUL character"), { [Symbol.for("factmark.AppError")]: true, code: "VALIDATION_ERROR" });
    expect(fromAnotherCopy instanceof AppError).toBe(true);
    expect(isAppError(fromAnotherCopy)).toBe(true);
    expect(new AppError("NOT_FOUND", "x") instanceof AppError).toBe(true);
    expect(new Error("plain") instanceof AppError).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});
