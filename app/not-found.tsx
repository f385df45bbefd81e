import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-primary">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="max-w-md text-muted-foreground">The page does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-2 text-sm font-medium text-primary underline underline-offset-4">Go to Factmark</Link>
    </main>
  );
}
