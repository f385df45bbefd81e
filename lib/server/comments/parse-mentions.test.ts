import { describe, expect, it } from "vitest";
import { parseMentions } from "./parse-mentions";

const members = [
  { id: "u1", name: "Ann Lee", email: "ann@example.com" },
  { id: "u2", name: "Ann", email: "ann.b@example.com" },
  { id: "u3", name: "José Núñez", email: "jose@example.com" },
];

describe("parseMentions", () => {
  it("turns picker tokens into @Name and records members only", () => {
    expect(parseMentions("hi @[Ann Lee](u1) and @[Ghost](zz)", members)).toEqual({ text: "hi @Ann Lee and @Ghost", userIds: ["u1"] });
  });

  it("matches plain @names case-insensitively, whole words only", () => {
    expect(parseMentions("ping @ann lee", members).userIds).toEqual(["u1"]);
    expect(parseMentions("ping @Ann, thanks", members).userIds).toEqual(["u2"]);
    expect(parseMentions("ping @José Núñez!", members).userIds).toEqual(["u3"]);
    expect(parseMentions("mail ann@example.com or @Annabel", members).userIds).toEqual([]);
    expect(parseMentions("cc @jose", members).userIds).toEqual(["u3"]);
  });
});
