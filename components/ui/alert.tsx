import * as React from "react";
import { cn } from "@/lib/utils";

/** An inline message; role=alert for errors so screen readers announce them. */
export function Alert({
  variant = "info",
  className,
  children,
  ...props
}: React.HTMLAttributes<HTMLDivElement> & { variant?: "info" | "error" | "success" | "warning" }) {
  const styles = {
    info: "border-blue-200 bg-blue-50 text-blue-900",
    error: "border-red-200 bg-red-50 text-red-900",
    success: "border-emerald-200 bg-emerald-50 text-emerald-900",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
  }[variant];
  return (
    <div role={variant === "error" ? "alert" : "status"} className={cn("rounded-md border px-3 py-2 text-sm", styles, className)} {...props}>
      {children}
    </div>
  );
}
