import { describe, expect, it } from "vitest";
import { sampleBundle } from "@/lib/exporting/test-fixtures";
import { diffSnapshots } from "./diff-snapshots";

describe("diffSnapshots", () => {
  it("names a reworded claim by its current statement and shows the change word by word", () => {
    const before = sampleBundle("published");
    const after = structuredClone(before);
    const troops = after.claims.find((c) => c.id === "c-troops")!;
    troops.statement = "Putin has massed troops near Ukraine's border.";
    const changes = diffSnapshots(before, after);
    expect(changes).toEqual(["Claim 'Putin has massed troops near Ukraine's border.': statement reworded: Putin has {-sent a mass of-} {+massed+} troops {-into Ukraine.-} {+near Ukraine's border.+}"]);
  });
});
