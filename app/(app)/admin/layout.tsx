import { AdminNav } from "./admin-nav";
import { requireAdminWorkspace } from "./admin-workspace";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const { workspace } = await requireAdminWorkspace("/admin");
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
      <div className="mb-6 flex flex-col gap-1">
        <p className="text-sm text-muted-foreground">Administration</p>
        <h1 className="text-2xl font-semibold tracking-tight">{workspace.name}</h1>
      </div>
      <AdminNav />
      <div className="pt-6">{children}</div>
    </main>
  );
}
