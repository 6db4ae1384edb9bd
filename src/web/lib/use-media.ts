import { useCallback, useSyncExternalStore } from "react";

const PHONE_QUERY = "(max-width: 767.98px)";

/** True while a CSS media query matches (read synchronously, so no layout flash on the first render). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (cb: () => void) => {
      const mql = window.matchMedia(query);
      mql.addEventListener("change", cb);
      return () => mql.removeEventListener("change", cb);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones (narrower than 768 px): drawer menu, cards instead of wide tables. */
export function useIsPhone(): boolean {
  return useMediaQuery(PHONE_QUERY);
}

/**
 * The user asked the system for less motion (an accessibility setting: vestibular disorders, slow
 * phones). antd then opens dialogs and menus without their zoom and slide animations.
 */
export function usePrefersReducedMotion(): boolean {
  return useMediaQuery("(prefers-reduced-motion: reduce)");
}
