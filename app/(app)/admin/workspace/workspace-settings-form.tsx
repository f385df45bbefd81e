"use client";

import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { DATE_LOCALES, formatDate } from "@/lib/format/format-date";
import { workspaceSettingsSchema, type WorkspaceSettingsInput } from "@/lib/schemas/admin";
import type { WorkspaceSettings } from "@/lib/server/workspaces/get-workspace-settings";
import { FieldError } from "@/components/ui/field-error";
import { useActionForm } from "../use-action-form";
import { updateWorkspaceSettingsAction } from "./actions";

const EXAMPLE_DAY = "2026-12-02";

export function WorkspaceSettingsForm({ settings }: { settings: WorkspaceSettings }) {
  const { pending, error, fieldErrors, submit } = useActionForm({
    schema: workspaceSettingsSchema,
    action: (input) => updateWorkspaceSettingsAction(settings.id, input),
    onSuccess: () => toast.success("Workspace settings saved."),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({
      name: String(form.get("name") ?? ""),
      organizationName: String(form.get("organizationName") ?? ""),
      organizationUrl: String(form.get("organizationUrl") ?? ""),
      requireIndependentApproval: form.get("requireIndependentApproval") === "on",
      locale: String(form.get("locale") ?? settings.locale) as WorkspaceSettingsInput["locale"],
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Workspace settings</CardTitle>
        <CardDescription>
          Slug <code className="rounded bg-muted px-1 py-0.5 text-xs">{settings.slug}</code> (used in the API; it does not change).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate aria-label="Workspace settings" className="flex max-w-xl flex-col gap-5">
          {error && <Alert variant="error">{error}</Alert>}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="ws-name">Workspace name</Label>
            <Input id="ws-name" name="name" defaultValue={settings.name} aria-invalid={!!fieldErrors.name} aria-describedby="ws-name-error" />
            <FieldError id="ws-name-error" message={fieldErrors.name} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="ws-org">Organisation name</Label>
            <Input
              id="ws-org"
              name="organizationName"
              defaultValue={settings.organizationName}
              aria-invalid={!!fieldErrors.organizationName}
              aria-describedby="ws-org-help ws-org-error"
            />
            <p id="ws-org-help" className="text-xs text-muted-foreground">
              Shown as the author of published fact-checks and in their ClaimReview data.
            </p>
            <FieldError id="ws-org-error" message={fieldErrors.organizationName} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="ws-url">Organisation website</Label>
            <Input
              id="ws-url"
              name="organizationUrl"
              type="url"
              placeholder="https://www.newsroom.org"
              defaultValue={settings.organizationUrl ?? ""}
              aria-invalid={!!fieldErrors.organizationUrl}
              aria-describedby="ws-url-error"
            />
            <FieldError id="ws-url-error" message={fieldErrors.organizationUrl} />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="ws-locale">Date format</Label>
            <NativeSelect id="ws-locale" name="locale" defaultValue={settings.locale} aria-describedby="ws-locale-help ws-locale-error" className="max-w-xs">
              {DATE_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {formatDate(EXAMPLE_DAY, l)} ({l})
                </option>
              ))}
            </NativeSelect>
            <p id="ws-locale-help" className="text-xs text-muted-foreground">
              Every date in the app, on published pages and in exports.
            </p>
            <FieldError id="ws-locale-error" message={fieldErrors.locale} />
          </div>
          <div className="flex items-start gap-3 rounded-md border border-border p-3">
            <input
              id="ws-approval"
              name="requireIndependentApproval"
              type="checkbox"
              defaultChecked={settings.requireIndependentApproval}
              className="mt-0.5 size-4 rounded border-input accent-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              aria-describedby="ws-approval-help"
            />
            <div className="flex flex-col gap-1">
              <Label htmlFor="ws-approval">Require independent approval</Label>
              <p id="ws-approval-help" className="text-xs text-muted-foreground">
                A claim must be approved by someone other than the person who wrote it.
              </p>
            </div>
          </div>
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save settings"}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
