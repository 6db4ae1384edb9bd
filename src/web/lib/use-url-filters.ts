import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { useDebounced } from "./use-debounced";

/**
 * A list page's filters kept in the address (so a filtered list can be bookmarked and shared):
 * `update` sets or clears parameters, and the search box's text goes into `q` once the user stops
 * typing, clearing `resetOnSearch` (e.g. the page number).
 */
export function useUrlFilters(opts: { resetOnSearch?: string[] } = {}) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const q = useDebounced(search.trim(), 300);
  const reset = (opts.resetOnSearch ?? []).join(",");

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    setParams(
      (p) => {
        if ((p.get("q") ?? "") === q) return p;
        const next = new URLSearchParams(p);
        if (q) next.set("q", q);
        else next.delete("q");
        for (const k of reset ? reset.split(",") : []) next.delete(k);
        return next;
      },
      { replace: true },
    );
  }, [q, reset, setParams]);

  return { params, search, setSearch, q, update };
}
