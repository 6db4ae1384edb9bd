import { CheckOutlined } from "@ant-design/icons";
import { App, Badge, Button, Card, Empty, Flex, Segmented, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "@web/api/client";
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications, type NotificationItem } from "@web/api/notifications";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDateTime } from "@web/lib/format";

function NotificationRow({ n, onOpen }: { n: NotificationItem; onOpen: (n: NotificationItem) => void }) {
  const unread = n.readAt === null;
  return (
    <Card size="small" role="listitem" styles={{ body: { padding: 12 } }} style={{ borderColor: unread ? "#ffccc7" : undefined, background: unread ? "#fff8f6" : undefined }}>
      <Flex gap={10} align="flex-start">
        <Badge status={unread ? "error" : "default"} style={{ marginTop: 6 }} />
        <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={6} wrap align="center">
            <Tag color={unread ? "red" : "default"}>{n.kindLabel}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {formatViDateTime(n.createdAt)}
            </Typography.Text>
          </Flex>
          {n.link ? (
            <Link to={n.link} onClick={() => onOpen(n)} style={{ fontWeight: unread ? 600 : 400, overflowWrap: "anywhere" }}>
              {n.title}
            </Link>
          ) : (
            <Typography.Text strong={unread}>{n.title}</Typography.Text>
          )}
          {n.body && <Typography.Text style={{ overflowWrap: "anywhere" }}>{n.body}</Typography.Text>}
        </Flex>
      </Flex>
    </Card>
  );
}

/** My in-app notifications, newest first; opening one marks it read. */
export default function NotificationsPage() {
  const [filter, setFilter] = useState<"unread" | "all">("unread");
  const q = useNotifications({ unread: filter === "unread" });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const { message } = App.useApp();
  const open = (n: NotificationItem) => {
    if (n.readAt === null) markRead.mutate(n.id);
  };
  const items = q.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Thông báo"
        subtitle={q.data ? `${q.data.unreadCount} thông báo chưa đọc` : undefined}
        extra={
          (q.data?.unreadCount ?? 0) > 0 && (
            <Button
              icon={<CheckOutlined aria-hidden />}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined, { onError: (e) => void message.error(errorMessage(e)) })}
            >
              Đánh dấu đã đọc tất cả
            </Button>
          )
        }
      />
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as "unread" | "all")}
        options={[
          { value: "unread", label: "Chưa đọc" },
          { value: "all", label: "Tất cả" },
        ]}
        style={{ marginBottom: 16 }}
      />
      <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
        <section aria-label="Danh sách thông báo">
          {items.length === 0 ? (
            <Empty description={filter === "unread" ? "Không có thông báo chưa đọc" : "Chưa có thông báo"} />
          ) : (
            <Flex vertical gap={8} role="list">
              {items.map((n) => (
                <NotificationRow key={n.id} n={n} onOpen={open} />
              ))}
            </Flex>
          )}
        </section>
      </QueryState>
    </>
  );
}
