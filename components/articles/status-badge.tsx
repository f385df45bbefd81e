import { Badge } from "@/components/ui/badge";
import type { ArticleStatus } from "@/lib/schemas/enums";

const LABELS: Record<ArticleStatus, { label: string; variant: "secondary" | "success" | "warning" }> = {
  DRAFT: { label: "Draft", variant: "secondary" },
  PUBLISHED: { label: "Published", variant: "success" },
  WITHDRAWN: { label: "Withdrawn", variant: "warning" },
};

export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  const { label, variant } = LABELS[status] ?? LABELS.DRAFT;
  return <Badge variant={variant}>{label}</Badge>;
}
