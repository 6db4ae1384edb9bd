import { TableOutlined } from "@ant-design/icons";
import { Card, Empty, Flex, Typography } from "antd";
import { useRegistrationCampaigns } from "@web/api/registrations";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDate } from "@web/lib/format";
import { LinkButton } from "./link-button";
import "./registrations.css";
import { CampaignStatusTag } from "@web/features/campaigns/campaign-tags";

/** The unit sheets I may see, per campaign: pick one to open it. */
export default function SheetsPage() {
  const q = useRegistrationCampaigns();
  const items = (q.data?.items ?? []).filter((c) => c.sheetUnits.length > 0);
  return (
    <>
      <PageHeader title="Bảng đăng ký" subtitle="Bảng đăng ký việc làm thiết thực của các đơn vị bạn phụ trách: duyệt, trả lại, theo dõi ai chưa đăng ký." />
      <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
        {items.length === 0 ? (
          <Card>
            <Empty description="Không có bảng đăng ký nào bạn được xem" />
          </Card>
        ) : (
          <Flex vertical gap={16}>
            {items.map((c) => (
              <section key={c.id} aria-label={c.name}>
                <Card>
                  <Typography.Title level={2} className="campaign-title">
                    {c.name}
                  </Typography.Title>
                  <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
                    <CampaignStatusTag campaign={c} />
                    <Typography.Text type="secondary">
                      {formatViDate(c.periodStart)} – {formatViDate(c.periodEnd)}
                      {c.registrationDeadline ? ` · Hạn đăng ký ${formatViDate(c.registrationDeadline)}` : ""}
                    </Typography.Text>
                  </Flex>
                  <Flex gap={8} wrap>
                    {c.sheetUnits.map((u) => (
                      <LinkButton key={u.id} to={`/bang-dang-ky/${c.id}/${u.id}`} icon={<TableOutlined aria-hidden />} type={u.canReview ? "primary" : "default"} ghost={u.canReview}>
                        {u.name}
                      </LinkButton>
                    ))}
                  </Flex>
                </Card>
              </section>
            ))}
          </Flex>
        )}
      </QueryState>
    </>
  );
}
