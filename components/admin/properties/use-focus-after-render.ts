"use client";

import { useEffect, useRef } from "react";

/**
 * Moves focus to an element by id once the next render is on screen: a row added, moved or removed by a button would
 * otherwise leave keyboard users on a button that vanished, moved away or became disabled.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id) => {
    pending.current = id;
  };
}
