import { isIsoDate } from "@domain/dates.js";
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { todayInVietnam } from "@web/lib/format";

/** The "Xem tại ngày" date kept in the address (?ngay=2020-03-02) so it survives links and reloads. */
export function useAsOf(): [string | null, (d: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get("ngay");
  const asOf = raw && isIsoDate(raw) && raw !== todayInVietnam() ? raw : null;
  const set = useCallback(
    (d: string | null) => {
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (d && d !== todayInVietnam()) next.set("ngay", d);
          else next.delete("ngay");
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [asOf, set];
}

/** "?ngay=…" to carry the date into unit links. */
export function asOfSuffix(asOf: string | null): string {
  return asOf ? `?ngay=${asOf}` : "";
}
