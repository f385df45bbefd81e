"use client";

import { useRef } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createWorkspaceSchema } from "@/lib/schemas/admin";
import { FieldError } from "@/components/ui/field-error";
import { useActionForm } from "../use-action-form";
import { createWorkspaceAction } from "./actions";

/** Site administrators only: a new workspace with the default scale, with them as its admin. */
export function CreateWorkspaceForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const { pending, error, fieldErrors, submit } = useActionForm({
    schema: createWorkspaceSchema,
    action: createWorkspaceAction,
    onSuccess: (workspace) => {
      formRef.current?.reset();
      toast.success(`Workspace “${workspace.name}” created. Switch to it from the workspace menu.`);
    },
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({
      name: String(form.get("name") ?? ""),
      slug: String(form.get("slug") ?? ""),
      organizationName: String(form.get("organizationName") ?? ""),
      organizationUrl: String(form.get("organizationUrl") ?? ""),
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>New workspace</CardTitle>
        <CardDescription>As a site administrator you can create workspaces for other desks. You become their first admin.</CardDescription>
      </CardHeader>
      <CardContent>
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="New workspace" className="grid max-w-xl gap-4 sm:grid-cols-2">
          {error && (
            <Alert variant="error" className="sm:col-span-2">
              {error}
            </Alert>
          )}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="nw-name">Name</Label>
            <Input id="nw-name" name="name" placeholder="Metro desk" aria-invalid={!!fieldErrors.name} aria-describedby="nw-name-error" />
            <FieldError id="nw-name-error" message={fieldErrors.name} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="nw-slug">Slug</Label>
            <Input id="nw-slug" name="slug" placeholder="metro-desk" aria-invalid={!!fieldErrors.slug} aria-describedby="nw-slug-error" />
            <FieldError id="nw-slug-error" message={fieldErrors.slug} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="nw-org">Organisation name</Label>
            <Input id="nw-org" name="organizationName" aria-invalid={!!fieldErrors.organizationName} aria-describedby="nw-org-error" />
            <FieldError id="nw-org-error" message={fieldErrors.organizationName} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="nw-url">Organisation website</Label>
            <Input id="nw-url" name="organizationUrl" type="url" placeholder="https://" aria-invalid={!!fieldErrors.organizationUrl} aria-describedby="nw-url-error" />
            <FieldError id="nw-url-error" message={fieldErrors.organizationUrl} />
          </div>
          <div className="sm:col-span-2">
            <Button type="submit" variant="outline" disabled={pending}>
              {pending ? "Creating…" : "Create workspace"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
