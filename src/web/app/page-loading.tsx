import { Alert, Button, Flex, Spin } from "antd";
import { Component, Suspense, type ReactNode } from "react";

/** What the user sees while the code of a page (a lazily loaded chunk) arrives. */
export function PageSpinner({ fullHeight }: { fullHeight?: boolean }) {
  return (
    <Flex justify="center" align="center" style={fullHeight ? { minHeight: "100vh" } : { padding: 48 }}>
      <Spin size="large" description="Đang tải…" />
    </Flex>
  );
}

/**
 * A failed `import()` of a page chunk: the network dropped, or — the usual case — the app was
 * updated while this tab was open and the chunk names it knows (hashed) are gone from the server.
 * Chromium, Firefox and Safari word it differently; Vite's preloader adds its own for CSS.
 */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|error loading dynamically imported module/i.test(error.message);
}

interface BoundaryState {
  error: unknown;
}

/**
 * Catches what a page throws while it loads or renders, so the user gets a Vietnamese message and a
 * way out instead of a blank screen. Both messages offer a reload: a chunk missing after an update
 * needs one (the new index.html names the new chunks). `resetKey` (the path) clears the error when
 * the user navigates elsewhere, so the rest of the app stays usable.
 */
class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunk = isChunkLoadError(error);
    // An Alert rather than antd's Result: this is in the entry chunk, and Result carries its
    // illustrations along (bench/web-size.ts).
    return (
      <Flex justify="center" style={{ padding: 24 }}>
        <Alert
          type={chunk ? "warning" : "error"}
          showIcon
          style={{ maxWidth: 560, width: "100%" }}
          title={chunk ? "Không tải được trang" : "Trang gặp lỗi khi hiển thị"}
          description={
            chunk
              ? "Ứng dụng vừa được cập nhật hoặc mạng bị gián đoạn. Hãy tải lại trang để dùng phiên bản mới nhất."
              : "Hãy tải lại trang. Nếu lỗi vẫn còn, xin báo cho người quản trị."
          }
          action={
            <Button type="primary" onClick={() => window.location.reload()}>
              Tải lại trang
            </Button>
          }
        />
      </Flex>
    );
  }
}

/** Suspense for a lazily loaded page, with the spinner while it loads and the message if it fails. */
export function LazyPage({ children, resetKey, fullHeight }: { children: ReactNode; resetKey: string; fullHeight?: boolean }) {
  return (
    <PageErrorBoundary resetKey={resetKey}>
      <Suspense fallback={<PageSpinner fullHeight={fullHeight} />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}
