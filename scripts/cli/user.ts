// `npm run cli -- user create --email <e> --name <n> --workspace <slug> --role ADMIN|EDITOR|READER [--password <p>]`
// Creates the workspace (with the default rating scale) when it does not exist: this is how the
// first admin of a fresh production database is made.
import { bootstrapUser } from "@/lib/server/users/bootstrap-user";
import { roleSchema } from "@/lib/schemas/enums";
import { ZodError } from "zod";
import { parseArgs, requireFlag } from "./args";

const USAGE =
  "Usage: npm run cli -- user create --email <email> --name <name> --workspace <slug> --role ADMIN|EDITOR|READER [--password <password>]";

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
  if (positional[0] !== "create") throw new Error(positional[0] ? `Unknown user command: ${positional[0]}\n${USAGE}` : USAGE);
  const roleFlag = requireFlag(flags, "role").toUpperCase();
  const role = roleSchema.safeParse(roleFlag);
  if (!role.success) throw new Error(`--role must be ADMIN, EDITOR or READER (got ${roleFlag})`);
  const result = await bootstrapUser({
    email: requireFlag(flags, "email"),
    name: requireFlag(flags, "name"),
    workspaceSlug: requireFlag(flags, "workspace"),
    role: role.data,
    password: flags.password && flags.password !== "true" ? flags.password : undefined,
  });
  if (result.workspaceCreated) console.log(`Created workspace "${result.workspaceSlug}" with the default rating scale.`);
  console.log(
    `${result.userCreated ? "Created" : "Updated"} ${result.email}: ${result.role} of workspace "${result.workspaceSlug}".` +
      (result.workspaceCreated && role.data !== "ADMIN" ? " (The first member of a new workspace is always its admin.)" : ""),
  );
  if (result.generatedPassword) console.log(`Password (shown once): ${result.generatedPassword}`);
  else if (!result.userCreated) console.log("The existing account keeps its password.");
}
