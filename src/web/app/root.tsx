import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, Flex, Spin } from "antd";
import viVN from "antd/locale/vi_VN";
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from "react-router";
import { ApiError, setUnauthorizedHandler } from "@web/api/client";
import { AppShell } from "./app-shell";
import { registry } from "./features";
import { NotFoundPage, RoutePage } from "./route-page";
import { usePrefersReducedMotion } from "@web/lib/use-media";
import { theme, withoutMotion } from "./theme";

const SignInPage = lazy(() => import("@web/features/auth/sign-in.page"));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network hiccups and 5xx get one more try.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 1,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

/** Sends the user to the sign-in page (keeping where they were) when any request answers 401. */
function AuthBridge() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (location.pathname.startsWith("/dang-nhap")) return;
      qc.clear();
      const next = location.pathname + location.search;
      void navigate(`/dang-nhap?tiep=${encodeURIComponent(next)}`, { replace: true });
    });
  }, [navigate, location, qc]);
  return null;
}

export function PageSpinner() {
  return (
    <Flex justify="center" align="center" style={{ padding: 64 }}>
      <Spin size="large" description="Đang tải…" />
    </Flex>
  );
}

function Providers({ children }: { children: ReactNode }) {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={viVN} theme={reducedMotion ? withoutMotion : theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

/** Providers (query cache, antd in Vietnamese, router) and the routes of every feature. */
export function Root() {
  return (
    <Providers>
      <BrowserRouter>
        <AuthBridge />
        <Suspense fallback={<PageSpinner />}>
          <Routes>
            <Route path="/dang-nhap" element={<SignInPage />} />
            <Route element={<AppShell />}>
              {registry.routes.map((r) => (
                <Route key={r.path} path={r.path} element={<RoutePage entry={r} />} />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </Providers>
  );
}
