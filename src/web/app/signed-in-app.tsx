import { App as AntApp } from "antd";
import { Route, Routes } from "react-router";
import { AppShell } from "./app-shell";
import { registry } from "./features";
import { NotFoundPage, RoutePage } from "./route-page";

/**
 * The routes of every feature inside the shell (loaded lazily by app/root.tsx, see
 * signed-in-loader.ts), with antd's App for `App.useApp()` (message, modal), which the sign-in page
 * does not use.
 */
export default function SignedInApp() {
  return (
    <AntApp>
      <Routes>
        <Route element={<AppShell />}>
          {registry.routes.map((r) => (
            <Route key={r.path} path={r.path} element={<RoutePage entry={r} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AntApp>
  );
}
