import type { Metadata } from "next";
import { requireSessionActor } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { TokensManager } from "./tokens-manager";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requireSessionActor("/settings/tokens");
  const tokens = await listApiTokens({ actor });
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6">
      <div className="mb-6 flex flex-col gap-1">
        <p className="text-sm text-muted-foreground">Settings</p>
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="max-w-2xl text-sm text-muted-foreground">
          Personal tokens let scripts and other systems use the Factmark API as you, with your roles. Send one as{" "}
          <code className="rounded bg-muted px-1 py-0.5 text-xs">Authorization: Bearer &lt;token&gt;</code>. The API is described at{" "}
          <a className="text-primary underline underline-offset-2" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
      </div>
      <TokensManager tokens={tokens} />
    </main>
  );
}
