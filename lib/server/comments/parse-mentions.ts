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
  // Longest names first, so "@Ann Lee" is not taken for "@Ann".
  const handles = members
    .flatMap((m) => [
      { id: m.id, handle: m.name },
      { id: m.id, handle: m.email.split("@")[0] },
    ])
    .filter((h) => h.handle.length >= 2)
    .sort((a, b) => b.handle.length - a.handle.length);
  const lower = text.toLowerCase();
  for (const { id, handle } of handles) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}_])@${escapeRegExp(handle.toLowerCase())}(?![\\p{L}\\p{N}_])`, "u");
    if (re.test(lower)) ids.add(id);
  }
  return { text, userIds: [...ids] };
}
