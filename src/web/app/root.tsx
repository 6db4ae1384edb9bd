import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import viVN from "antd/locale/vi_VN";
import { lazy, useEffect, type ReactNode } from "react";
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from "react-router";
import { meQuery } from "@web/api/auth";
import { ApiError, setUnauthorizedHandler } from "@web/api/client";
import { usePrefersReducedMotion } from "@web/lib/use-media";
import { LazyPage } from "./page-loading";
import { loadSignedInApp } from "./signed-in-loader";
import { theme, withoutMotion } from "./theme";

// The entry holds only what every page needs (React, router, query cache, antd's provider); the
// sign-in page and the signed-in app are chunks of their own (bench/web-size.ts keeps the sign-in
// page within its budget).
const SignInPage = lazy(() => import("@web/features/auth/sign-in.page"));
const SignedInApp = lazy(loadSignedInApp);

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

// Outside the sign-in page, ask who is signed in and fetch the signed-in app's code at once, side
// by side, rather than one after the other (the shell would ask only once its code has arrived).
if (!window.location.pathname.startsWith("/dang-nhap")) {
  void queryClient.prefetchQuery(meQuery);
  loadSignedInApp().catch(() => undefined);
}

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

function Providers({ children }: { children: ReactNode }) {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={viVN} theme={reducedMotion ? withoutMotion : theme}>
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}

function TopRoutes() {
  const location = useLocation();
  return (
    <LazyPage resetKey={location.pathname} fullHeight>
      <Routes>
        <Route path="/dang-nhap" element={<SignInPage />} />
        <Route path="*" element={<SignedInApp />} />
      </Routes>
    </LazyPage>
  );
}

/** Providers (query cache, antd in Vietnamese, router), the sign-in page and the signed-in app. */
export function Root() {
  return (
    <Providers>
      <BrowserRouter>
        <AuthBridge />
        <TopRoutes />
      </BrowserRouter>
    </Providers>
  );
}
