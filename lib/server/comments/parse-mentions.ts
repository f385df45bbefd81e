import "server-only";
// @mentions in a comment: `@[Name](userId)` (what the mention picker inserts) or a plain
// "@Full Name" / "@emailname" matched case-insensitively against workspace members.

export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The body with picker tokens turned into "@Name", and the mentioned member ids. */
export function parseMentions(body: string, members: MentionCandidate[]): { text: string; userIds: string[] } {
  const ids = new Set<string>();
  const byId = new Map(members.map((m) => [m.id, m]));
  const text = body.replace(/@\[([^\]\n]{1,200})\]\(([A-Za-z0-9_-]{1,64})\)/g, (_all, name: string, id: string) => {
    const member = byId.get(id);
    if (member) ids.add(member.id);
    return `@${member ? member.name : name}`;
  });
    const handles = members
    .flatMap((m) => [
      { id: m.id, handle: m.name, byName: 1 },
      { id: m.id, handle: m.email.split("@")[0], byName: 0 },
    ])
    .filter((h) => h.handle.length >= 2)
    // Longest first; on a tie a member's name beats someone else's email handle.
    .sort((a, b) => b.handle.length - a.handle.length || b.byName - a.byName);
  // Each @mention is consumed by the longest name it matches, so "@Ann Lee" never also counts as "@Ann".
  let rest = text.toLowerCase();
  for (const { id, handle } of handles) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}_])@${escapeRegExp(handle.toLowerCase())}(?![\\p{L}\\p{N}_])`, "gu");
    rest = rest.replace(re, (_m, before: string) => {
      ids.add(id);
      return `${before} `;
    });
  }
  return { text, userIds: [...ids] };
}
