/** Parses `--name value` flags and positional arguments. */
export function parseArgs(args: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--")) {
      const [key, inline] = arg.slice(2).split("=", 2);
      if (inline !== undefined) flags[key] = inline;
      else if (i + 1 < args.length && !args[i + 1].startsWith("--")) flags[key] = args[++i];
      else flags[key] = "true";
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function requireFlag(flags: Record<string, string>, name: string): string {
  const value = flags[name];
  if (!value || value === "true") throw new Error(`--${name} is required`);
  return value;
}
