import type { Metadata } from "next";
import { getRatingScaleForEdit } from "@/lib/server/scales/get-rating-scale-for-edit";
import { requireAdminWorkspace } from "../admin-workspace";
import { ScaleEditor } from "./scale-editor";

export const metadata: Metadata = { title: "Rating scale · Admin" };

export default async function ScalePage() {
  const { actor, workspace } = await requireAdminWorkspace("/admin/scale");
  const scale = await getRatingScaleForEdit({ actor, workspaceId: workspace.id });
  return <ScaleEditor workspaceId={workspace.id} scale={scale} />;
}
