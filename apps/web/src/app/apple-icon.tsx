import { brandIconPng } from "~/components/shared/brand-icon.tsx";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default function AppleIcon() {
  return brandIconPng(size.width);
}
