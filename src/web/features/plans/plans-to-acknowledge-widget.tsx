import { Card, Flex, Typography } from "antd";
import { Link } from "react-router";
import { usePlansToAcknowledge } from "@web/api/plans";
import type { HomeWidgetProps } from "@web/app/registry";
import { formatViDate } from "@web/lib/format";

/** "Kế hoạch cần quán triệt": issued plans of my units that I have not acknowledged yet. */
export function PlansToAcknowledgeWidget(_: HomeWidgetProps) {
  const q = usePlansToAcknowledge();
  const items = q.data?.items ?? [];
  return (
    <Card title={`Kế hoạch cần quán triệt${items.length ? ` (${items.length})` : ""}`} style={{ height: "100%" }}>
      <section aria-label="Kế hoạch cần quán triệt">
        {items.length === 0 && <Typography.Text type="secondary">{q.isLoading ? "Đang tải…" : "Không có kế hoạch nào cần quán triệt."}</Typography.Text>}
        <Flex vertical gap={12} role="list">
          {items.map((p) => (
            <div key={p.id} role="listitem">
              <Link to={`/ke-hoach/${p.id}`} style={{ fontWeight: 600 }}>
                Kế hoạch số {p.symbol}
                {p.date ? ` ngày ${formatViDate(p.date)}` : ""}
              </Link>
              <Typography.Text style={{ display: "block", overflowWrap: "anywhere" }}>{p.subject.replace(/\s+/g, " ")}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {p.unitName}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      </section>
    </Card>
  );
}
