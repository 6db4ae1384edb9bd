import { CheckCircleOutlined, DeleteOutlined, EditOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Form, Popconfirm, Segmented, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "@web/api/client";
import {
  useAcknowledgePlan,
  useAcknowledgements,
  useCreatePlanVersion,
  useDeletePlan,
  useIssuePlan,
  usePlan,
  type AcknowledgementListData,
  type PlanDetailData,
} from "@web/api/plans";
import { documentPaths } from "@web/api/documents";
import { DataView } from "@web/components/data-view";
import { DocumentDownloads } from "@web/components/document-downloads";
import { FormModal } from "@web/components/form-modal";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDate, formatViDateTime, todayInVietnam } from "@web/lib/format";
import { usePageTitle } from "@web/lib/use-page-title";
import { PlanStatusTag } from "../campaigns/campaign-tags";
import { PlanDocument } from "./plan-document";
import { PlanEditor } from "./plan-editor";

type Member = AcknowledgementListData["items"][number];

function planTitle(p: PlanDetailData): string {
  if (p.status === "draft") return `Dự thảo kế hoạch — ${p.unitName}`;
  return `Kế hoạch số ${p.symbol ?? ""}`;
}

/** "Ban hành": confirms the date; every member of the unit is notified. */
function IssueModal({ plan, open, onClose, dirty }: { plan: PlanDetailData; open: boolean; onClose: () => void; dirty: boolean }) {
  const issue = useIssuePlan(plan.id);
  const { message } = App.useApp();
  return (
    <FormModal<{ date: string }>
      title="Ban hành kế hoạch"
      open={open}
      onClose={onClose}
      okText="Ban hành"
      initialValues={{ date: todayInVietnam() }}
      onSubmit={async (v) => {
        const r = await issue.mutateAsync({ date: v.date });
        void message.success(`Đã ban hành Kế hoạch số ${r.symbol} và thông báo đến các thành viên`);
      }}
    >
      {dirty && <Alert type="warning" showIcon title="Có thay đổi chưa lưu: hãy bấm “Lưu dự thảo” trước, nếu không kế hoạch được ban hành theo bản đã lưu." style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        Kế hoạch sẽ được ban hành với số <strong>{plan.symbol ?? "(chưa có số)"}</strong>. Sau khi ban hành, kế hoạch chỉ được xem (muốn điều chỉnh phải tạo phiên bản mới) và mọi thành viên của {plan.unitName} nhận được thông báo để quán triệt.
      </Typography.Paragraph>
      <Form.Item label="Ngày ban hành" name="date" rules={[{ required: true, message: "Vui lòng chọn ngày ban hành" }]}>
        <IsoDatePicker />
      </Form.Item>
    </FormModal>
  );
}

/** A member's own acknowledgement: the button, or when it was given. */
function MyAcknowledgement({ plan }: { plan: PlanDetailData }) {
  const ack = useAcknowledgePlan(plan.id);
  const { message } = App.useApp();
  const mine = plan.myAcknowledgement;
  if (!mine) return null;
  if (mine.acknowledgedAt) {
    return <Alert type="success" showIcon icon={<CheckCircleOutlined aria-hidden />} title={`Đồng chí đã xác nhận quán triệt kế hoạch này lúc ${formatViDateTime(mine.acknowledgedAt)}.`} />;
  }
  if (!plan.abilities.canAcknowledge) return null;
  // The button wraps under the sentence on a phone instead of squeezing it into a narrow column.
  return (
    <Alert
      type="info"
      showIcon
      title={
        <Flex gap={12} align="center" justify="space-between" wrap>
          <span>Đồng chí vui lòng đọc kỹ kế hoạch và xác nhận đã quán triệt.</span>
          <Button
            type="primary"
            icon={<CheckCircleOutlined aria-hidden />}
            loading={ack.isPending}
            onClick={() =>
              ack.mutate(undefined, {
                onSuccess: () => void message.success("Đã xác nhận quán triệt kế hoạch"),
                onError: (e) => void message.error(errorMessage(e)),
              })
            }
          >
            Xác nhận đã quán triệt
          </Button>
        </Flex>
      }
    />
  );
}

/** Who of the unit's members has (not) acknowledged: for the secretary, the deputy, the staff. */
function AcknowledgementsCard({ plan }: { plan: PlanDetailData }) {
  const q = useAcknowledgements(plan.id, plan.abilities.canViewAcknowledgements);
  const [filter, setFilter] = useState<"pending" | "all">("pending");
  if (!plan.abilities.canViewAcknowledgements) return null;
  const items = q.data?.items ?? [];
  const rows = filter === "pending" ? items.filter((i) => !i.acknowledgedAt) : items;
  return (
    <Card
      title={`Tình hình quán triệt${q.data ? ` (${q.data.acknowledged}/${q.data.members})` : ""}`}
      extra={
        <Segmented
          size="small"
          value={filter}
          onChange={(v) => setFilter(v as "pending" | "all")}
          options={[
            { value: "pending", label: "Chưa quán triệt" },
            { value: "all", label: "Tất cả" },
          ]}
        />
      }
    >
      <DataView<Member>
        label="Tình hình quán triệt"
        rows={rows}
        rowKey="personId"
        loading={q.isLoading}
        emptyText={filter === "pending" ? "Tất cả thành viên đã quán triệt" : "Không có thành viên"}
        columns={[
          { title: "Họ và tên", dataIndex: "fullName" },
          { title: "Chức vụ", dataIndex: "roleLabel", render: (v: string, m) => (m.title ? `${v} · ${m.title}` : v) },
          {
            title: "Quán triệt",
            dataIndex: "acknowledgedAt",
            render: (v: string | null) => (v ? <Tag color="green">Đã quán triệt {formatViDateTime(v)}</Tag> : <Tag color="orange">Chưa quán triệt</Tag>),
          },
        ]}
        renderCard={(m) => (
          <div className="card-row">
            <div style={{ minWidth: 0 }}>
              <div className="card-title">{m.fullName}</div>
              <div className="card-meta">{m.title ?? m.roleLabel}</div>
            </div>
            {m.acknowledgedAt ? <Tag color="green">Đã quán triệt</Tag> : <Tag color="orange">Chưa quán triệt</Tag>}
          </div>
        )}
      />
    </Card>
  );
}

function VersionsCard({ plan }: { plan: PlanDetailData }) {
  if (plan.versions.length < 2) return null;
  return (
    <Card title="Các phiên bản" size="small">
      <Flex vertical gap={6}>
        {plan.versions.map((v) => (
          <Flex key={v.id} gap={8} align="center" wrap>
            {v.id === plan.id ? <Typography.Text strong>Phiên bản {v.version}</Typography.Text> : <Link to={`/ke-hoach/${v.id}`}>Phiên bản {v.version}</Link>}
            <PlanStatusTag status={v.status} label={v.statusLabel} />
            {v.symbol && <Typography.Text type="secondary">{v.symbol}</Typography.Text>}
            {v.date && <Typography.Text type="secondary">{formatViDate(v.date)}</Typography.Text>}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function PlanView({ plan }: { plan: PlanDetailData }) {
  usePageTitle(planTitle(plan));
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const remove = useDeletePlan(plan.id);
  const version = useCreatePlanVersion(plan.id);
  const latest = plan.versions.at(-1);

  const actions = (
    <>
      {plan.abilities.canIssue && (
        <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={() => setIssuing(true)}>
          Ban hành kế hoạch
        </Button>
      )}
      {plan.abilities.canDelete && (
        <Popconfirm
          title="Xóa dự thảo này?"
          okText="Xóa"
          cancelText="Hủy"
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutateAsync(undefined).then(
              () => void navigate(`/phong-trao/${plan.campaignId}`),
              (e: unknown) => void message.error(errorMessage(e)),
            )
          }
        >
          <Button danger icon={<DeleteOutlined aria-hidden />}>
            Xóa dự thảo
          </Button>
        </Popconfirm>
      )}
      {plan.abilities.canCreateVersion && (
        <Button
          icon={<EditOutlined aria-hidden />}
          loading={version.isPending}
          onClick={() =>
            version.mutate(undefined, {
              onSuccess: (r) => void navigate(`/ke-hoach/${r.id}`),
              onError: (e) => void message.error(errorMessage(e)),
            })
          }
        >
          Tạo phiên bản điều chỉnh
        </Button>
      )}
      <DocumentDownloads path={documentPaths.plan(plan.id)} label="kế hoạch" />
    </>
  );

  return (
    <>
      <PageHeader
        back={`/phong-trao/${plan.campaignId}`}
        title={planTitle(plan)}
        subtitle={
          <>
            {plan.unitName}
            {plan.date && plan.status !== "draft" ? ` · ngày ${formatViDate(plan.date)}` : ""} ·{" "}
            <Link to={`/phong-trao/${plan.campaign.id}`}>{plan.campaign.name}</Link>
          </>
        }
        tags={
          <>
            <PlanStatusTag status={plan.status} label={plan.statusLabel} />
            {plan.version > 1 && <Tag>Phiên bản {plan.version}</Tag>}
            {plan.late && (
              <Tag color="red">
                {plan.status === "draft" && plan.version === 1 ? "Quá hạn ban hành" : "Ban hành chậm"} (hạn {formatViDate(plan.campaign.planDeadline)})
              </Tag>
            )}
          </>
        }
        extra={actions}
      />
      <IssueModal plan={plan} open={issuing} onClose={() => setIssuing(false)} dirty={dirty} />
      <Flex vertical gap={16}>
        {plan.status === "superseded" && latest && latest.id !== plan.id && (
          <Alert type="warning" showIcon title={<>Kế hoạch này đã được thay thế. <Link to={`/ke-hoach/${latest.id}`}>Xem phiên bản mới nhất</Link></>} />
        )}
        <MyAcknowledgement plan={plan} />
        {plan.parentPlan && (
          <Typography.Text type="secondary">
            Triển khai <Link to={`/ke-hoach/${plan.parentPlan.id}`}>Kế hoạch số {plan.parentPlan.symbol}</Link> của {plan.parentPlan.unitName}
            {plan.parentPlan.date ? ` ngày ${formatViDate(plan.parentPlan.date)}` : ""}
          </Typography.Text>
        )}
        {plan.abilities.canEdit ? (
          <Tabs
            items={[
              { key: "edit", label: "Soạn thảo", children: <PlanEditor key={plan.id} plan={plan} onDirtyChange={setDirty} /> },
              {
                key: "preview",
                label: "Xem bản in",
                children: (
                  <Card>
                    {dirty && <Alert type="warning" showIcon title="Bản xem là bản đã lưu; các thay đổi chưa lưu không hiện ở đây." style={{ marginBottom: 12 }} />}
                    <PlanDocument plan={plan} />
                  </Card>
                ),
              },
            ]}
          />
        ) : (
          <Card>
            <PlanDocument plan={plan} />
          </Card>
        )}
        <AcknowledgementsCard plan={plan} />
        <VersionsCard plan={plan} />
        {plan.issuedAt && (
          <Typography.Text type="secondary">
            Ban hành trên hệ thống lúc {formatViDateTime(plan.issuedAt)}
            {plan.issuedByName ? ` bởi ${plan.issuedByName}` : ""}.
          </Typography.Text>
        )}
      </Flex>
    </>
  );
}

export default function PlanPage() {
  const { id } = useParams();
  const q = usePlan(id);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {q.data && <PlanView plan={q.data} />}
    </QueryState>
  );
}
