import { useEffect } from "react";

const APP = "Dân vận khéo — 5 không";

/** Sets the browser tab title while a page is shown. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP}` : APP;
  }, [title]);
}
