import type { ReactNode } from "react";
import { LogoMark } from "@/components/app-shell/logo-mark";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="content" className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2 text-xl font-semibold tracking-tight text-gray-900">
        <LogoMark className="h-8 w-8" />
        Atelier
      </div>
      <div className="w-full max-w-sm rounded-lg border border-gray-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
