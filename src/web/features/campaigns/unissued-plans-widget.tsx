import { Card, Flex, Tag, Typography } from "antd";
import { Link } from "react-router";
import { useUnissuedPlans } from "@web/api/campaigns";
import type { HomeWidgetProps } from "@web/app/registry";
import { formatViDate } from "@web/lib/format";

/** "Đơn vị chưa ban hành kế hoạch": for those overseeing a commune, per current campaign. */
export function UnissuedPlansWidget(_: HomeWidgetProps) {
  const q = useUnissuedPlans();
  const groups = q.data?.items ?? [];
  return (
    <Card title="Đơn vị chưa ban hành kế hoạch" style={{ height: "100%" }}>
      <section aria-label="Đơn vị chưa ban hành kế hoạch">
        {groups.length === 0 && (
          <Typography.Text type="secondary">{q.isLoading ? "Đang tải…" : "Các đơn vị đã ban hành đủ kế hoạch của các phong trào đang diễn ra."}</Typography.Text>
        )}
        <Flex vertical gap={16}>
          {groups.map((g) => (
            <div key={g.campaignId}>
              <Link to={`/phong-trao/${g.campaignId}`} style={{ fontWeight: 600, overflowWrap: "anywhere" }}>
                {g.campaignName}
              </Link>
              {g.planDeadline && (
                <Typography.Text type="secondary" style={{ display: "block", fontSize: 13 }}>
                  Hạn ban hành kế hoạch: {formatViDate(g.planDeadline)}
                </Typography.Text>
              )}
              <Flex vertical gap={4} style={{ marginTop: 8 }} role="list">
                {g.units.map((u) => (
                  <Flex key={u.unitId} justify="space-between" gap={8} align="center" role="listitem">
                    <Typography.Text style={{ minWidth: 0, overflowWrap: "anywhere" }}>{u.unitName}</Typography.Text>
                    <Flex gap={4} style={{ flex: "none" }}>
                      {u.status === "draft" && <Tag color="gold">Đang soạn</Tag>}
                      {u.late && <Tag color="red">Quá hạn {u.daysLate} ngày</Tag>}
                    </Flex>
                  </Flex>
                ))}
              </Flex>
            </div>
          ))}
        </Flex>
      </section>
    </Card>
  );
}
