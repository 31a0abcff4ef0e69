import type { Metadata } from "next";
import { TagWorkbench } from "~/components/tags/workbench.tsx";

export const metadata: Metadata = { title: "Tagging" };

export default async function AdminTagWallpaperPage({
  params,
}: {
  params: Promise<{ wallpaperId: string }>;
}) {
  const { wallpaperId } = await params;
  return <TagWorkbench key={wallpaperId} wallpaperId={wallpaperId} />;
}
