import { BarChartOutlined, FileTextOutlined } from "@ant-design/icons";
import { Card, Empty, Flex, Typography } from "antd";
import { Link } from "react-router";
import { useReportCampaigns } from "@web/api/reports";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { UnitKindTag } from "@web/components/tags";
import { CampaignStatusTag } from "@web/features/campaigns/campaign-tags";
import { formatViDate } from "@web/lib/format";

/** The campaigns I report on or follow, each with my units: open a unit's report or roll-up. */
export default function ReportsPage() {
  const q = useReportCampaigns();
  return (
    <>
      <PageHeader title="Báo cáo kết quả" subtitle="Báo cáo kết quả của đơn vị, tổng hợp trực tiếp và tình hình gửi báo cáo của các đơn vị trực thuộc" />
      <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
        {q.data && q.data.items.length === 0 && <Empty description="Chưa có đợt thi đua nào liên quan đến đơn vị của bạn" />}
        <Flex vertical gap={16}>
          {q.data?.items.map((c) => (
            <Card key={c.id} title={c.name} extra={<CampaignStatusTag campaign={c} />} role="region" aria-label={c.name}>
              <Typography.Paragraph type="secondary">
                Từ {formatViDate(c.periodStart)} đến {formatViDate(c.periodEnd)}
                {c.reportDeadline ? ` · Hạn gửi báo cáo ${formatViDate(c.reportDeadline)}` : ""}
              </Typography.Paragraph>
              <Flex vertical gap={10}>
                {c.units.map((u) => (
                  <Flex key={u.id} justify="space-between" align="center" gap={8} wrap>
                    <Flex gap={8} align="center" wrap>
                      <Link to={`/bao-cao/${c.id}/${u.id}`} style={{ fontWeight: 600 }} aria-label={`${u.hasChildren ? "Tổng hợp" : "Báo cáo"} ${u.name} — ${c.name}`}>
                        {u.hasChildren ? <BarChartOutlined aria-hidden /> : <FileTextOutlined aria-hidden />} {u.name}
                      </Link>
                      <UnitKindTag kind={u.kind} label={u.kindLabel} />
                    </Flex>
                    <Typography.Text type="secondary">{u.hasChildren ? "Tổng hợp, theo dõi báo cáo" : u.canManage ? "Lập và gửi báo cáo" : "Xem báo cáo"}</Typography.Text>
                  </Flex>
                ))}
              </Flex>
            </Card>
          ))}
        </Flex>
      </QueryState>
    </>
  );
}
