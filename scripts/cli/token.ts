// `npm run cli -- token create --email <email> [--name <name>] [--expires-in-days <n>]`
// `npm run cli -- token revoke --id <token id>`
import { systemCreateApiTokenForEmail, systemRevokeApiToken } from "@/lib/server/tokens/system-api-tokens";
import { ZodError } from "zod";
import { parseArgs, requireFlag } from "./args";

const USAGE = [
  "Usage:",
  "  npm run cli -- token create --email <email> [--name <name>] [--expires-in-days <n>]",
  "  npm run cli -- token revoke --id <token id>",
].join("\n");

export async function run(args: string[]): Promise<void> {
  try {
    await runCommand(args);
  } catch (e) {
    // Validation errors as one readable line per field instead of zod's JSON dump.
    if (e instanceof ZodError) throw new Error(e.issues.map((i) => i.message).join("; "));
    throw e;
  }
}

async function runCommand(args: string[]): Promise<void> {
  const { positional, flags } = parseArgs(args);
  const sub = positional[0];
  if (sub === "create") {
    const email = requireFlag(flags, "email");
    const days = flags["expires-in-days"];
    if (days !== undefined && !/^\d+$/.test(days)) throw new Error("--expires-in-days must be a whole number of days");
    const created = await systemCreateApiTokenForEmail(email, {
      name: flags.name && flags.name !== "true" ? flags.name : `CLI token ${new Date().toISOString().slice(0, 10)}`,
      expiresInDays: days ? Number(days) : null,
    });
    console.log(`Created API token "${created.name}" for ${created.email} (id ${created.id}${created.expiresAt ? `, expires ${created.expiresAt}` : ""}).`);
    console.log("Copy it now: it is not stored and will not be shown again.\n");
    console.log(created.token);
    return;
  }
  if (sub === "revoke") {
    const revoked = await systemRevokeApiToken(requireFlag(flags, "id"));
    console.log(`Revoked API token "${revoked.name}" (${revoked.prefix}…, id ${revoked.id}).`);
    return;
  }
  throw new Error(sub ? `Unknown token command: ${sub}\n${USAGE}` : USAGE);
}
