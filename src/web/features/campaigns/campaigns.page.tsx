import { FlagOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useCampaigns, type CampaignItem } from "@web/api/campaigns";
import { DataView } from "@web/components/data-view";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDate } from "@web/lib/format";
import { CreateCampaignModal, useManagedCommunes } from "./campaign-modals";
import { CampaignStatusTag } from "./campaign-tags";

/** The campaigns of my units and the units above them; the commune committee launches new ones. */
export default function CampaignsPage() {
  const q = useCampaigns();
  const communes = useManagedCommunes();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Phong trào thi đua"
        subtitle="Các phong trào do cấp ủy của đơn vị bạn hoặc cấp trên phát động"
        extra={
          communes.length > 0 && (
            <Button type="primary" icon={<FlagOutlined aria-hidden />} onClick={() => setCreating(true)}>
              Phát động phong trào
            </Button>
          )
        }
      />
      <CreateCampaignModal open={creating} onClose={() => setCreating(false)} />
      <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
        <Card>
          <DataView<CampaignItem>
            label="Danh sách phong trào"
            rows={q.data?.items}
            rowKey="id"
            emptyText="Chưa có phong trào nào"
            scrollX={900}
            columns={[
              { title: "Phong trào", dataIndex: "name", render: (v: string, c) => <Link to={`/phong-trao/${c.id}`}>{v}</Link> },
              { title: "Năm", dataIndex: "year", width: 70 },
              { title: "Đơn vị phát động", dataIndex: "unitName", width: 180 },
              { title: "Thời gian", key: "period", width: 200, render: (_: unknown, c) => `${formatViDate(c.periodStart)} – ${formatViDate(c.periodEnd)}` },
              { title: "Hạn kế hoạch", dataIndex: "planDeadline", width: 120, render: (v: string | null) => formatViDate(v) },
              { title: "Trạng thái", dataIndex: "status", width: 140, render: (_: unknown, c) => <CampaignStatusTag campaign={c} /> },
            ]}
            renderCard={(c) => (
              <>
                <Link className="card-title" to={`/phong-trao/${c.id}`} style={{ display: "block", overflowWrap: "anywhere" }}>
                  {c.name}
                </Link>
                <div className="card-meta">
                  {c.unitName} · {formatViDate(c.periodStart)} – {formatViDate(c.periodEnd)}
                </div>
                <Flex gap={8} wrap align="center" style={{ marginTop: 6 }}>
                  <CampaignStatusTag campaign={c} />
                  {c.planDeadline && <Typography.Text type="secondary">Hạn kế hoạch {formatViDate(c.planDeadline)}</Typography.Text>}
                </Flex>
              </>
            )}
          />
        </Card>
      </QueryState>
    </>
  );
}
