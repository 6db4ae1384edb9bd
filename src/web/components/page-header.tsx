import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Buttons on the right (they wrap under the title on phones). */
  extra?: ReactNode;
  /** Shows a back arrow leading here (or to the previous page when `true`). */
  back?: string | true;
  tags?: ReactNode;
}

/** The title block of every page: h1, optional back link, tags and action buttons. */
export function PageHeader({ title, subtitle, extra, back, tags }: PageHeaderProps) {
  const navigate = useNavigate();
  return (
    <Flex className="page-header" justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
      <Flex gap={8} align="flex-start" style={{ minWidth: 0, flex: "1 1 320px" }}>
        {back && (
          <Button
            type="text"
            icon={<ArrowLeftOutlined aria-hidden />}
            aria-label="Quay lại"
            onClick={() => (back === true ? navigate(-1) : navigate(back))}
            style={{ marginTop: 2 }}
          />
        )}
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={1} className="page-title" style={{ margin: 0, overflowWrap: "anywhere" }}>
            {title}
          </Typography.Title>
          {tags && <div style={{ marginTop: 6 }}>{tags}</div>}
          {subtitle && (
            <Typography.Text type="secondary" style={{ display: "block", marginTop: 4 }}>
              {subtitle}
            </Typography.Text>
          )}
        </div>
      </Flex>
      {extra && (
        <Flex gap={8} wrap className="page-header-extra">
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
