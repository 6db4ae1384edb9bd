import { Card, Flex, Typography } from "antd";
import { Link } from "react-router";
import { useMarkNotificationRead, useNotifications } from "@web/api/notifications";
import type { HomeWidgetProps } from "@web/app/registry";
import { formatViDateTime } from "@web/lib/format";

/** "Thông báo mới": my latest unread notifications (nothing when all are read). */
export function NewNotificationsWidget(_: HomeWidgetProps) {
  const q = useNotifications({ unread: true, limit: 5 });
  const markRead = useMarkNotificationRead();
  const items = q.data?.items ?? [];
  return (
    <Card title={`Thông báo mới${items.length ? ` (${q.data?.unreadCount ?? items.length})` : ""}`} extra={<Link to="/thong-bao">Xem tất cả</Link>} style={{ height: "100%" }}>
      <section aria-label="Thông báo mới">
        {items.length === 0 && <Typography.Text type="secondary">{q.isLoading ? "Đang tải…" : "Không có thông báo mới."}</Typography.Text>}
        <Flex vertical gap={10}>
          {items.map((n) => (
            <div key={n.id}>
              {n.link ? (
                <Link to={n.link} onClick={() => markRead.mutate(n.id)} style={{ fontWeight: 600, overflowWrap: "anywhere" }}>
                  {n.title}
                </Link>
              ) : (
                <Typography.Text strong>{n.title}</Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ display: "block", fontSize: 13 }}>
                {formatViDateTime(n.createdAt)}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      </section>
    </Card>
  );
}
