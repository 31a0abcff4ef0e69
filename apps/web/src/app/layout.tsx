import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SessionBoundary } from "~/components/shared/session-boundary.tsx";
import { SiteFooter } from "~/components/shared/site-footer.tsx";
import { SiteHeader } from "~/components/shared/site-header.tsx";
import { UploadQueueProvider } from "~/components/upload/queue-provider.tsx";
import { TRPCReactProvider } from "~/trpc/react.tsx";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "WallpaperDB", template: "%s · WallpaperDB" },
  description:
    "Store every wallpaper once, process it in the background, and find it by tag, color and resolution.",
};

export const viewport: Viewport = {
  colorScheme: "dark",
  themeColor: "#0b0d12",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          <SessionBoundary>
            <div className="shell">
              <SiteHeader />
              <main className="main">
                <UploadQueueProvider>{children}</UploadQueueProvider>
              </main>
              <SiteFooter />
            </div>
          </SessionBoundary>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
