import { useEffect, useSyncExternalStore } from "react";

/**
 * The menu entry a page belongs to when its path alone does not say: a member's sheet lives under
 * /dang-ky/:id like my own, but a secretary reading it is in "Bảng đăng ký", not "Đăng ký của tôi".
 */
let current: string | null = null;
const listeners = new Set<() => void>();

function set(key: string | null) {
  current = key;
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => void listeners.delete(l);
}

/** The key a page asked for (null: the menu follows the path). */
export function useMenuKeyOverride(): string | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** Highlights the given menu entry while the page is shown (null: follow the path). */
export function useMenuKey(key: string | null): void {
  useEffect(() => {
    set(key);
    return () => set(null);
  }, [key]);
}
