import type { Metadata } from "next";
import Link from "next/link";
import { NewArticleFlow } from "@/components/articles/new-article-flow";
import { Alert } from "@/components/ui/alert";
import { requireSessionActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { canEdit } from "@/lib/schemas/enums";
import { getCurrentWorkspace } from "@/lib/auth/current-workspace";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requireSessionActor("/articles/new");
  const workspace = await getCurrentWorkspace();
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted-foreground">
        <Link href="/articles" className="hover:text-foreground hover:underline">Articles</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">New</span>
      </nav>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">New article</h1>
      <p className="mb-6 text-sm text-muted-foreground">Load the story as you received it: paste it, upload a file, or give its URL. You will see the cleaned article before saving.</p>
      {!workspace ? (
        <Alert variant="warning">You are not a member of any workspace yet. Ask an admin to add you.</Alert>
      ) : !canEdit(workspace.role) ? (
        <Alert variant="warning">Only editors and admins of {workspace.name} can add articles. Ask an admin to change your role.</Alert>
      ) : (
        <NewArticleFlow workspaceId={workspace.id} workspaceName={workspace.name} maxBytes={env().IMPORT_MAX_BYTES} />
      )}
    </main>
  );
}
