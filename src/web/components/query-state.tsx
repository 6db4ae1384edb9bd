import { Button, Flex, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { ApiError, errorMessage } from "@web/api/client";

export interface QueryStateProps {
  isLoading: boolean;
  error: unknown;
  refetch?: () => unknown;
  children?: ReactNode;
}

/** Spinner while loading, a Vietnamese error with "Thử lại" on failure, else the children. */
export function QueryState({ isLoading, error, refetch, children }: QueryStateProps) {
  if (error) {
    const status = error instanceof ApiError ? error.status : 0;
    return (
      <Result
        status={status === 404 ? "404" : status === 403 ? "403" : "warning"}
        title={status === 404 ? "Không tìm thấy" : status === 403 ? "Không có quyền" : "Không tải được dữ liệu"}
        subTitle={errorMessage(error)}
        extra={refetch && status !== 404 && status !== 403 ? <Button onClick={() => void refetch()}>Thử lại</Button> : undefined}
      />
    );
  }
  if (isLoading) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" description="Đang tải…" />
      </Flex>
    );
  }
  return <>{children}</>;
}
