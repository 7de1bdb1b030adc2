"use client";

import { useEffect, useRef } from "react";
import { scalarThemeCss } from "./scalar-theme";

interface ScalarGlobal {
  createApiReference: (element: HTMLElement, configuration: Record<string, unknown>) => { destroy?: () => void };
}

/**
 * Scalar's reference, rendered from /api/v1/openapi.json. The bundle is loaded by this (nonce-trusted) script, which
 * 'strict-dynamic' lets it run; nothing reaches another origin: no web fonts, no AI agent, no request proxy.
 */
export function ApiReference({ locale }: { locale: string }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let app: { destroy?: () => void } | undefined;
    const script = document.createElement("script");
    script.src = "/api/docs/scalar.js";
    script.onload = () => {
      const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
      if (!scalar || !container.current) return;
      app = scalar.createApiReference(container.current, {
        url: "/api/v1/openapi.json",
        withDefaultFonts: false,
        agent: { disabled: true },
        mcp: { disabled: true },
        telemetry: false,
        hideClientButton: true,
        hideTestRequestButton: true,
        hideDarkModeToggle: true,
        showDeveloperTools: "never",
        forceDarkModeState: "light",
        documentDownloadType: "none",
        localization: { locale },
        customCss: scalarThemeCss,
      });
    };
    document.body.appendChild(script);
    return () => {
      app?.destroy?.();
      script.remove();
    };
  }, [locale]);

  return <div ref={container} className="min-h-[60vh]" />;
}
