import { DeleteOutlined, EditOutlined, FileAddOutlined, FileTextOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Row, Statistic, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useCampaign, useRemoveCampaign, type CampaignDetailData, type CascadeRowData } from "@web/api/campaigns";
import { errorMessage } from "@web/api/client";
import { useCreatePlan } from "@web/api/plans";
import { DataView } from "@web/components/data-view";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { UnitKindTag } from "@web/components/tags";
import { formatViDate } from "@web/lib/format";
import { usePageTitle } from "@web/lib/use-page-title";
import { EditCampaignModal } from "./campaign-modals";
import { CampaignStatusTag, CascadeStatusTag, LateTag, PlanStatusTag } from "./campaign-tags";

type PlanSummary = NonNullable<CampaignDetailData["unitPlan"]>;

function planLabel(p: PlanSummary): string {
  return p.symbol ? `Kế hoạch số ${p.symbol}` : "Dự thảo kế hoạch";
}

/** Creates a draft (from the launching unit's issued plan when given) and opens it. */
function CreatePlanButton({ campaignId, unitId, parent, label }: { campaignId: string; unitId: string; parent: PlanSummary | null; label: string }) {
  const create = useCreatePlan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <Button
      type="primary"
      icon={<FileAddOutlined aria-hidden />}
      loading={create.isPending}
      onClick={() =>
        create.mutate(
          { campaignId, unitId, parentPlanId: parent?.id ?? null },
          {
            onSuccess: (r) => void navigate(`/ke-hoach/${r.id}`),
            onError: (e) => void message.error(errorMessage(e)),
          },
        )
      }
    >
      {label}
    </Button>
  );
}

function LaunchPlanCard({ d }: { d: CampaignDetailData }) {
  const p = d.unitPlan;
  return (
    <Card title={`Kế hoạch của ${d.campaign.unitName}`} style={{ height: "100%" }}>
      {p ? (
        <Flex vertical gap={6}>
          <Link to={`/ke-hoach/${p.id}`} style={{ fontWeight: 600 }}>
            <FileTextOutlined aria-hidden /> {planLabel(p)}
            {p.date ? ` ngày ${formatViDate(p.date)}` : ""}
          </Link>
          <Typography.Text style={{ overflowWrap: "anywhere" }}>{p.subject.replace(/\s+/g, " ")}</Typography.Text>
          <div>
            <PlanStatusTag status={p.status} label={p.statusLabel} />
          </div>
        </Flex>
      ) : d.abilities.canCreateUnitPlan ? (
        <Flex vertical gap={12} align="flex-start">
          <Typography.Text>Cấp ủy chưa lập kế hoạch phát động phong trào.</Typography.Text>
          <CreatePlanButton campaignId={d.campaign.id} unitId={d.campaign.unitId} parent={null} label="Lập kế hoạch phát động" />
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa ban hành kế hoạch" />
      )}
    </Card>
  );
}

/** My own units (a cell): their plan, or the button that prefills it from the commune plan. */
function MyUnitsCard({ d }: { d: CampaignDetailData }) {
  if (d.myUnits.length === 0) return null;
  const parent = d.unitPlan && d.unitPlan.status === "issued" ? d.unitPlan : null;
  return (
    <Card title="Kế hoạch của đơn vị tôi" style={{ height: "100%" }}>
      <Flex vertical gap={16}>
        {d.myUnits.map((u) => (
          <Flex key={u.unitId} vertical gap={6}>
            <Typography.Text strong>{u.unitName}</Typography.Text>
            {u.plan ? (
              <Flex gap={8} wrap align="center">
                <Link to={`/ke-hoach/${u.plan.id}`}>
                  {planLabel(u.plan)}
                  {u.plan.date && u.plan.status !== "draft" ? ` ngày ${formatViDate(u.plan.date)}` : ""}
                </Link>
                <PlanStatusTag status={u.plan.status} label={u.plan.statusLabel} />
                {u.late && <Tag color="red">{u.plan.status === "issued" ? "Ban hành chậm" : "Quá hạn"}</Tag>}
              </Flex>
            ) : u.canManage ? (
              parent ? (
                <Flex vertical gap={8} align="flex-start">
                  <Typography.Text type="secondary">Đơn vị chưa lập kế hoạch triển khai.</Typography.Text>
                  <CreatePlanButton
                    campaignId={d.campaign.id}
                    unitId={u.unitId}
                    parent={parent}
                    label={`Lập kế hoạch từ Kế hoạch số ${parent.symbol ?? ""}`}
                  />
                </Flex>
              ) : (
                <Typography.Text type="secondary">Chờ cấp ủy cấp trên ban hành kế hoạch để lập kế hoạch triển khai.</Typography.Text>
              )
            ) : (
              <Typography.Text type="secondary">Đơn vị chưa ban hành kế hoạch.</Typography.Text>
            )}
            {!u.plan && u.late && (
              <div>
                <Tag color="red">Quá hạn ban hành kế hoạch</Tag>
              </div>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function AckCell({ r }: { r: CascadeRowData }) {
  if (r.status !== "issued" || r.members === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {r.acknowledged}/{r.members}
    </span>
  );
}

function CascadeCard({ d }: { d: CampaignDetailData }) {
  if (!d.cascade || !d.cascadeSummary) return null;
  const s = d.cascadeSummary;
  return (
    <Card title="Tình hình ban hành kế hoạch của các đơn vị">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title="Đơn vị" value={s.total} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Đã ban hành" value={s.issued} styles={{ content: { color: "#389e0d" } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Chưa ban hành" value={s.notIssued} styles={{ content: { color: s.notIssued ? "#d46b08" : undefined } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Chậm, quá hạn" value={s.late} styles={{ content: { color: s.late ? "#cf1322" : undefined } }} />
        </Col>
      </Row>
      <DataView<CascadeRowData>
        label="Tình hình ban hành kế hoạch"
        rows={d.cascade}
        rowKey="unitId"
        scrollX={880}
        columns={[
          {
            title: "Đơn vị",
            dataIndex: "unitName",
            render: (v: string, r) => (
              <Flex vertical gap={2}>
                <span>{v}</span>
                <span>
                  <UnitKindTag kind={r.unitKind} label={r.unitKindLabel} />
                </span>
              </Flex>
            ),
          },
          { title: "Tình trạng", dataIndex: "status", width: 150, render: (_: unknown, r) => <CascadeStatusTag status={r.status} label={r.statusLabel} /> },
          {
            title: "Kế hoạch",
            key: "plan",
            width: 150,
            render: (_: unknown, r) => (r.plan ? <Link to={`/ke-hoach/${r.plan.id}`}>{r.plan.symbol ?? "Dự thảo"}</Link> : "—"),
          },
          { title: "Ngày ban hành", dataIndex: "firstIssuedDate", width: 130, render: (v: string | null) => (v ? formatViDate(v) : "—") },
          { title: "Thời hạn", key: "late", width: 140, render: (_: unknown, r) => <LateTag late={r.late} daysLate={r.daysLate} issued={r.status === "issued"} /> },
          { title: "Đã quán triệt", key: "ack", width: 120, render: (_: unknown, r) => <AckCell r={r} /> },
        ]}
        renderCard={(r) => (
          <>
            <div className="card-row">
              <div style={{ minWidth: 0 }}>
                <div className="card-title">{r.unitName}</div>
                <div className="card-meta">
                  {r.plan ? <Link to={`/ke-hoach/${r.plan.id}`}>{r.plan.symbol ?? "Dự thảo"}</Link> : "Chưa có kế hoạch"}
                  {r.firstIssuedDate ? ` · ${formatViDate(r.firstIssuedDate)}` : ""}
                  {r.status === "issued" && r.members > 0 ? ` · quán triệt ${r.acknowledged}/${r.members}` : ""}
                </div>
              </div>
              <Flex vertical gap={4} align="flex-end" style={{ flex: "none" }}>
                <CascadeStatusTag status={r.status} label={r.statusLabel} />
                <LateTag late={r.late} daysLate={r.daysLate} issued={r.status === "issued"} />
              </Flex>
            </div>
          </>
        )}
      />
    </Card>
  );
}

/** "Xóa phong trào" (draft) / "Hủy phong trào" (active): shown only while nothing depends on it (the server checks again). */
function RemoveCampaignButton({ c }: { c: CampaignDetailData["campaign"] }) {
  const remove = useRemoveCampaign();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const verb = c.status === "draft" ? "Xóa" : "Hủy";
  return (
    <Button
      danger
      icon={<DeleteOutlined aria-hidden />}
      onClick={() =>
        modal.confirm({
          title: `${verb} phong trào?`,
          content: `“${c.name}” sẽ bị ${verb.toLowerCase()} (ghi vào nhật ký). Chỉ ${verb.toLowerCase()} được khi chưa có kế hoạch, bảng đăng ký, giám sát, đánh giá, đề xuất hay báo cáo nào thuộc phong trào.`,
          okText: `${verb} phong trào`,
          okButtonProps: { danger: true },
          cancelText: "Không",
          onOk: () =>
            remove.mutateAsync(c.id).then(
              () => {
                void message.success(`Đã ${verb.toLowerCase()} phong trào`);
                void navigate("/phong-trao");
              },
              (e: unknown) => void message.error(errorMessage(e)),
            ),
        })
      }
    >
      {verb} phong trào
    </Button>
  );
}

function CampaignView({ d }: { d: CampaignDetailData }) {
  const c = d.campaign;
  const [editing, setEditing] = useState(false);
  usePageTitle(c.name);
  return (
    <>
      <PageHeader
        back="/phong-trao"
        title={c.name}
        subtitle={c.unitName}
        tags={<CampaignStatusTag campaign={c} />}
        extra={
          d.abilities.canEdit && (
            <>
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                Sửa phong trào
              </Button>
              {d.abilities.canRemove && <RemoveCampaignButton c={c} />}
            </>
          )
        }
      />
      <EditCampaignModal detail={d} open={editing} onClose={() => setEditing(false)} />
      <Flex vertical gap={16}>
        <Card>
          <Flex vertical gap={12}>
            <div>
              <Typography.Text type="secondary">Bộ tiêu chí: </Typography.Text>
              <Link to={`/bo-tieu-chi/${d.criteriaSet.id}`}>{d.criteriaSet.name}</Link>
            </div>
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 4 }}
              size="small"
              items={[
                { key: "period", label: "Thời gian", children: <span style={{ whiteSpace: "nowrap" }}>{`${formatViDate(c.periodStart)} – ${formatViDate(c.periodEnd)}`}</span> },
                { key: "plan", label: "Hạn ban hành kế hoạch", children: formatViDate(c.planDeadline) || "—" },
                { key: "reg", label: "Hạn đăng ký", children: formatViDate(c.registrationDeadline) || "—" },
                { key: "report", label: "Hạn báo cáo", children: formatViDate(c.reportDeadline) || "—" },
              ]}
            />
          </Flex>
        </Card>
        {d.unitPlan && d.unitPlan.status !== "issued" && d.abilities.canEdit && (
          <Alert type="info" showIcon title="Kế hoạch phát động đang là dự thảo: các đơn vị chỉ lập kế hoạch triển khai sau khi kế hoạch này được ban hành." />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={d.myUnits.length ? 12 : 24}>
            <LaunchPlanCard d={d} />
          </Col>
          {d.myUnits.length > 0 && (
            <Col xs={24} lg={12}>
              <MyUnitsCard d={d} />
            </Col>
          )}
        </Row>
        <CascadeCard d={d} />
      </Flex>
    </>
  );
}

export default function CampaignPage() {
  const { id } = useParams();
  const q = useCampaign(id);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {q.data && <CampaignView d={q.data} />}
    </QueryState>
  );
}
