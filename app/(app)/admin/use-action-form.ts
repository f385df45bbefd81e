"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "./action-result";

/**
 * The submit cycle shared by the admin forms: check the input with the same zod schema the
 * server uses (instant feedback; the server still checks), run the server action, show its
 * message and per-field messages, and refresh the page's data on success.
 */
export function useActionForm<S extends z.ZodType, T>({
  schema,
  action,
  onSuccess,
}: {
  schema: S;
  action: (input: z.input<S>) => Promise<ActionResult<T>>;
  onSuccess?: (data: T) => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function submit(input: z.input<S>) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      setError(null);
      return;
    }
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setError(null);
      setFieldErrors({});
      onSuccess?.(result.data);
      router.refresh();
    });
  }

  function clear() {
    setError(null);
    setFieldErrors({});
  }

  return { pending, error, fieldErrors, submit, clear };
}
