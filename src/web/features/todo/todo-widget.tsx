import { CheckCircleOutlined, ReloadOutlined } from "@ant-design/icons";
import type { TodoSeverity } from "@contracts/home.js";
import { Button, Card, Flex, List, Result, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "@web/api/client";
import { useTodo, type TodoItem } from "@web/api/home";
import type { HomeWidgetProps } from "@web/app/registry";
import { formatViDate } from "@web/lib/format";

const SEVERITY_COLORS: Record<TodoSeverity, string> = { overdue: "red", soon: "orange", normal: "blue" };
const SHOWN = 8;

function TodoRow({ item }: { item: TodoItem }) {
  return (
    // flush with the card's title: on a phone every pixel of width counts
    <List.Item style={{ paddingInline: 0 }}>
      <Flex vertical gap={2} style={{ width: "100%", minWidth: 0 }}>
        <Flex gap={8} align="flex-start" wrap={false}>
          <Tag color={SEVERITY_COLORS[item.severity]} style={{ flex: "none", marginTop: 2 }}>
            {item.severityLabel}
          </Tag>
          <Link to={item.link} style={{ fontWeight: 600, overflowWrap: "anywhere" }}>
            {item.title}
          </Link>
        </Flex>
        {item.detail && <Typography.Text style={{ overflowWrap: "anywhere" }}>{item.detail}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {item.unitName} · {item.campaignName}
          {item.dueDate ? ` · Hạn: ${formatViDate(item.dueDate)}` : ""}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

/** "Việc cần làm": what the signed-in person must do next, most urgent first, each with a link to where it is done. */
export function TodoWidget(_: HomeWidgetProps) {
  const q = useTodo();
  const [all, setAll] = useState(false);
  const items = q.data?.items ?? [];
  const overdue = items.filter((i) => i.severity === "overdue").length;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <span>Việc cần làm</span>
          {items.length > 0 && <Tag color="blue">{items.length}</Tag>}
          {overdue > 0 && <Tag color="red">{overdue} quá hạn</Tag>}
        </Flex>
      }
      extra={<Button type="text" size="small" icon={<ReloadOutlined aria-hidden />} aria-label="Làm mới việc cần làm" onClick={() => void q.refetch()} loading={q.isFetching} />}
    >
      <section aria-label="Việc cần làm">
        {q.error ? (
          <Result status="warning" title="Không tải được việc cần làm" subTitle={errorMessage(q.error)} extra={<Button onClick={() => void q.refetch()}>Thử lại</Button>} />
        ) : q.isLoading ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : items.length === 0 ? (
          <Flex gap={8} align="center" style={{ padding: "8px 0" }}>
            <CheckCircleOutlined style={{ color: "#389e0d", fontSize: 20 }} aria-hidden />
            <Typography.Text>Không có việc nào cần làm ngay.</Typography.Text>
          </Flex>
        ) : (
          <>
            <List size="small" dataSource={shown} rowKey="id" renderItem={(item) => <TodoRow item={item} />} />
            {items.length > SHOWN && (
              <Button type="link" onClick={() => setAll((v) => !v)} style={{ paddingInline: 0 }}>
                {all ? "Thu gọn" : `Xem tất cả (${items.length})`}
              </Button>
            )}
          </>
        )}
      </section>
    </Card>
  );
}
