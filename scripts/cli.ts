// Factmark command line: `npm run cli -- <command> [args]`.
// Each command lives in scripts/cli/<command>.ts and exports `run(args)`.
import { disconnectDb } from "@/lib/db";

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<void> }> }> = {
  import: { summary: "import <file-or-url> --workspace <slug> [--as <email>]   Import an article", load: () => import("./cli/import") },
  revise: { summary: 'revise --article <id|slug> --file <path> --reason "…" [--as <email>]   New revision; claims re-anchored', load: () => import("./cli/revise") },
  token: { summary: "token create --email <email> [--name <name>]           Create a personal API token (printed once)", load: () => import("./cli/token") },
  trash: { summary: "trash purge [--older-than-days <n>]                     Delete for good claims in the trash past the retention", load: () => import("./cli/trash") },
  user: { summary: "user create --email <email> --name <name> --workspace <slug> --role ADMIN|EDITOR|READER   Create a user", load: () => import("./cli/user") },
};

function usage(): string {
  return ["Usage: npm run cli -- <command> [options]", "", "Commands:", ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join("\n");
}

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(name && name !== "help" && name !== "--help" ? `Unknown command: ${name}\n\n${usage()}` : usage());
    process.exitCode = name && name !== "help" && name !== "--help" ? 2 : 0;
    return;
  }
  try {
    await (await command.load()).run(args);
  } catch (e) {
    console.error(`Error: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await disconnectDb();
  }
}

void main();
