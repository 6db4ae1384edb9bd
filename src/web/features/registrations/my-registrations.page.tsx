import { EditOutlined, EyeOutlined, PlusOutlined, TableOutlined } from "@ant-design/icons";
import { Alert, Card, Empty, Flex, Typography } from "antd";
import { useRegistrationCampaigns, type RegistrationCampaign } from "@web/api/registrations";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDate, todayInVietnam } from "@web/lib/format";
import { LinkButton } from "./link-button";
import "./registrations.css";
import { LateTag, RegistrationStatusTag } from "./registration-tags";
import { CampaignStatusTag } from "@web/features/campaigns/campaign-tags";

function CampaignCard({ c }: { c: RegistrationCampaign }) {
  const today = todayInVietnam();
  const pastDeadline = Boolean(c.registrationDeadline && today > c.registrationDeadline);
  return (
    <section aria-label={c.name}>
      <Card>
        <Typography.Title level={2} className="campaign-title">
          {c.name}
        </Typography.Title>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <CampaignStatusTag campaign={c} />
          <Typography.Text type="secondary">
            {formatViDate(c.periodStart)} – {formatViDate(c.periodEnd)}
            {c.registrationDeadline && (
              <>
                {" · "}Hạn đăng ký: <strong>{formatViDate(c.registrationDeadline)}</strong>
              </>
            )}
          </Typography.Text>
        </Flex>
        <Flex vertical gap={12}>
          {c.mine.map((slot) => (
            <section key={slot.unit.id} aria-label={`Bảng đăng ký của tôi tại ${slot.unit.name}`} className="registration-slot">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <div style={{ minWidth: 0 }}>
                  <div style={{ fontWeight: 500 }}>{slot.unit.name}</div>
                  <Flex gap={6} wrap style={{ marginTop: 4 }}>
                    {slot.registration ? (
                      <RegistrationStatusTag status={slot.registration.status} label={slot.registration.statusLabel} />
                    ) : (
                      <RegistrationStatusTag status="not_registered" label="Chưa đăng ký" />
                    )}
                    {slot.registration?.late && <LateTag />}
                  </Flex>
                </div>
                {slot.registration ? (
                  <LinkButton
                    to={`/dang-ky/${slot.registration.id}`}
                    icon={slot.registration.status === "returned" || slot.registration.status === "draft" ? <EditOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
                  >
                    {slot.registration.status === "returned" ? "Xem và sửa" : "Xem bảng đăng ký"}
                  </LinkButton>
                ) : c.open ? (
                  <LinkButton type="primary" to={`/dang-ky/moi?phongtrao=${c.id}&donvi=${slot.unit.id}`} icon={<PlusOutlined aria-hidden />}>
                    Đăng ký
                  </LinkButton>
                ) : null}
              </Flex>
              {!slot.registration && c.open && pastDeadline && (
                <Alert type="warning" showIcon style={{ marginTop: 8 }} title="Đã quá hạn đăng ký: bạn vẫn đăng ký được nhưng bảng đăng ký sẽ được ghi nhận là nộp sau hạn." />
              )}
            </section>
          ))}
          {c.sheetUnits.length > 0 && (
            <Flex gap={8} wrap>
              {c.sheetUnits.map((u) => (
                <LinkButton key={u.id} to={`/bang-dang-ky/${c.id}/${u.id}`} icon={<TableOutlined aria-hidden />}>
                  Bảng đăng ký: {u.name}
                </LinkButton>
              ))}
            </Flex>
          )}
        </Flex>
      </Card>
    </section>
  );
}

/** My registration sheets, one card per campaign I take part in. */
export default function MyRegistrationsPage() {
  const q = useRegistrationCampaigns();
  const items = q.data?.items ?? [];
  return (
    <>
      <PageHeader title="Đăng ký của tôi" subtitle="Đăng ký việc làm thiết thực theo nội dung “5 không” và mô hình “Dân vận khéo”; theo dõi việc duyệt và cập nhật tiến độ." />
      <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
        {items.length === 0 ? (
          <Card>
            <Empty description="Chưa có phong trào thi đua nào cho đơn vị của bạn" />
          </Card>
        ) : (
          <Flex vertical gap={16}>
            {items.map((c) => (
              <CampaignCard key={c.id} c={c} />
            ))}
          </Flex>
        )}
      </QueryState>
    </>
  );
}
