import { DeleteOutlined, PaperClipOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "@web/api/client";
import {
  evidenceUrl,
  useDeleteNote,
  useDeleteViolation,
  useSupervisionUnits,
  useWorkspace,
  type Note,
  type SupervisedMember,
  type Violation,
  type Workspace,
} from "@web/api/supervision";
import { DataView } from "@web/components/data-view";
import { CampaignSelect } from "@web/components/campaign-select";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDate, formatViDateTime } from "@web/lib/format";
import { OutcomeTag } from "./outcome-tag";
import { NoteModal, ReportModal, ViolationModal } from "./supervision-modals";

const key = (campaignId: string, unitId: string) => `${campaignId}|${unitId}`;

/** The supervision book of a cell: members and their commitments, violations, notes, periodic reports. */
export default function SupervisionPage() {
  const units = useSupervisionUnits();
  const [params, setParams] = useSearchParams();
  const items = units.data?.items ?? [];
  const askedCampaign = params.get("phongtrao");
  const askedUnit = params.get("donvi");
  // a link may name only the campaign or only the unit: the first pair that fits it
  const preferred =
    items.find((i) => i.canSupervise && (!askedCampaign || i.campaignId === askedCampaign) && (!askedUnit || i.unitId === askedUnit)) ??
    items.find((i) => (!askedCampaign || i.campaignId === askedCampaign) && (!askedUnit || i.unitId === askedUnit)) ??
    items.find((i) => i.canSupervise) ??
    items[0];
  const campaignId = askedCampaign ?? preferred?.campaignId ?? null;
  const unitId = askedUnit ?? preferred?.unitId ?? null;
  const ws = useWorkspace(campaignId, unitId);
  // never a pair the picker does not list: it would show the raw ids in its box
  const selected = campaignId && unitId && items.some((i) => i.campaignId === campaignId && i.unitId === unitId) ? key(campaignId, unitId) : undefined;

  return (
    <>
      <PageHeader title="Giám sát" subtitle="Phó Bí thư ghi nhận xét, vi phạm của đảng viên và báo cáo định kỳ cho Bí thư chi bộ." />
      <QueryState isLoading={units.isLoading} error={units.error} refetch={units.refetch}>
        {items.length === 0 ? (
          <Card>
            <Empty description="Chưa có chi bộ nào trong phạm vi giám sát của bạn" />
          </Card>
        ) : (
          <>
            <Card style={{ marginBottom: 16 }}>
              <label htmlFor="supervision-unit" className="field-label">
                Chi bộ và phong trào
              </label>
              <CampaignSelect
                id="supervision-unit"
                value={selected}
                onChange={(v) => {
                  const [c, u] = v.split("|");
                  setParams({ phongtrao: c!, donvi: u! }, { replace: true });
                }}
                options={items.map((i) => ({
                  value: key(i.campaignId, i.unitId),
                  label: `Năm ${i.campaignYear} — ${i.unitName}`,
                  detail: i.campaignName,
                  closed: i.campaignClosed,
                }))}
              />
              {ws.data && (
                <Typography.Text type="secondary" style={{ display: "block", marginTop: 6 }}>
                  {ws.data.campaign.name} ({formatViDate(ws.data.campaign.periodStart)} – {formatViDate(ws.data.campaign.periodEnd)})
                </Typography.Text>
              )}
            </Card>
            <QueryState isLoading={ws.isLoading} error={ws.error} refetch={ws.refetch}>
              {ws.data && <WorkspaceView w={ws.data} />}
            </QueryState>
          </>
        )}
      </QueryState>
    </>
  );
}

function WorkspaceView({ w }: { w: Workspace }) {
  const [open, setOpen] = useState<"note" | "violation" | "report" | null>(null);
  const [tab, setTab] = useState("members");
  return (
    <>
      {w.canSupervise && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Button type="primary" danger onClick={() => setOpen("violation")} disabled={w.locked}>
            Ghi vi phạm
          </Button>
          <Button onClick={() => setOpen("note")}>Ghi nhận xét</Button>
          <Button onClick={() => setOpen("report")}>Lập báo cáo giám sát</Button>
        </Flex>
      )}
      {w.locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Kết quả đánh giá của chi bộ đã được duyệt và khóa: không thể ghi thêm hoặc xóa vi phạm của phong trào này."
        />
      )}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: "members", label: `Thành viên (${w.members.length})`, children: <MembersView w={w} /> },
            { key: "violations", label: `Vi phạm (${w.violations.length})`, children: <ViolationsView w={w} /> },
            { key: "notes", label: `Nhận xét (${w.notes.length})`, children: <NotesView w={w} /> },
            { key: "reports", label: `Báo cáo giám sát (${w.reports.length})`, children: <ReportsView w={w} /> },
          ]}
        />
      </Card>
      <NoteModal w={w} open={open === "note"} onClose={() => setOpen(null)} />
      <ViolationModal
        w={w}
        open={open === "violation"}
        onClose={() => {
          setOpen(null);
        }}
      />
      <ReportModal w={w} open={open === "report"} onClose={() => setOpen(null)} />
    </>
  );
}

function Commitments({ m }: { m: SupervisedMember }) {
  if (!m.commitments.length) return <Typography.Text type="secondary">Chưa có việc làm được ghi nhận (chưa đăng ký hoặc bảng đăng ký còn nháp)</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {m.commitments.map((c) => (
        <div key={c.id} aria-label={`${c.itemCode}: ${c.outcome.reason}`}>
          <OutcomeTag achieved={c.outcome.achieved} reason={c.outcome.reason} />
          <Typography.Text strong>{c.itemCode}</Typography.Text> {c.action}
          {!c.outcome.achieved && c.outcome.reason.startsWith("Không đạt: có") && (
            <div>
              <Typography.Text type="danger" style={{ fontSize: 13 }}>
                {c.outcome.reason}
              </Typography.Text>
            </div>
          )}
        </div>
      ))}
    </Flex>
  );
}

function MembersView({ w }: { w: Workspace }) {
  return (
    <DataView<SupervisedMember>
      label="Thành viên và việc làm đã đăng ký"
      rows={w.members}
      rowKey="personId"
      scrollX={900}
      columns={[
        {
          title: "Họ và tên",
          dataIndex: "fullName",
          width: 200,
          render: (v: string, m) => (
            <>
              <Typography.Text strong>{v}</Typography.Text>
              {m.roleLabel && <div className="card-meta">{m.roleLabel}</div>}
            </>
          ),
        },
        { title: "Việc làm và kết quả dự kiến khi đánh giá", key: "commitments", render: (_, m) => <Commitments m={m} /> },
        { title: "Vi phạm", dataIndex: "violationCount", width: 90, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : "—") },
      ]}
      renderCard={(m) => (
        <>
          <div className="card-row">
            <span className="card-title">{m.fullName}</span>
            {m.violationCount > 0 && <Tag color="red">{m.violationCount} vi phạm</Tag>}
          </div>
          {m.roleLabel && <div className="card-meta">{m.roleLabel}</div>}
          <div style={{ marginTop: 8 }}>
            <Commitments m={m} />
          </div>
        </>
      )}
    />
  );
}

function Evidence({ v }: { v: Violation }) {
  if (!v.evidence.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {v.evidence.map((e) => (
        <a key={e.id} href={evidenceUrl(v.id, e.id)} target="_blank" rel="noreferrer">
          <PaperClipOutlined aria-hidden /> {e.fileName}
        </a>
      ))}
    </Flex>
  );
}

function DeleteViolation({ v }: { v: Violation }) {
  const del = useDeleteViolation();
  const { message } = App.useApp();
  if (!v.canChange) return null;
  return (
    <Popconfirm
      title="Xóa vi phạm ghi nhầm?"
      okText="Xóa"
      cancelText="Hủy"
      okButtonProps={{ danger: true }}
      onConfirm={() => del.mutateAsync(v.id).then(() => void message.success("Đã xóa vi phạm"), (e: unknown) => void message.error(errorMessage(e)))}
    >
      <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa vi phạm của ${v.personName ?? ""} ngày ${formatViDate(v.occurredOn)}`} />
    </Popconfirm>
  );
}

function ViolationsView({ w }: { w: Workspace }) {
  return (
    <DataView<Violation>
      label="Vi phạm đã ghi nhận"
      rows={w.violations}
      rowKey="id"
      scrollX={1000}
      emptyText="Chưa ghi nhận vi phạm nào"
      columns={[
        { title: "Ngày", dataIndex: "occurredOn", width: 110, render: (v: string) => formatViDate(v) },
        { title: "Thành viên", dataIndex: "personName", width: 170 },
        { title: "Loại vi phạm", dataIndex: "kindLabel", width: 170, render: (v: string) => <Tag color="red">{v}</Tag> },
        { title: "Mô tả", dataIndex: "description" },
        { title: "Cam kết bị vi phạm", dataIndex: "commitmentLabel", width: 220, render: (v: string | null) => v ?? "—" },
        { title: "Minh chứng", key: "evidence", width: 160, render: (_, v) => <Evidence v={v} /> },
        { title: "", key: "actions", width: 56, render: (_, v) => <DeleteViolation v={v} /> },
      ]}
      renderCard={(v) => (
        <>
          <div className="card-row">
            <span className="card-title">{v.personName}</span>
            <span className="card-meta">{formatViDate(v.occurredOn)}</span>
          </div>
          <Tag color="red" style={{ marginTop: 4 }}>
            {v.kindLabel}
          </Tag>
          <div style={{ marginTop: 4 }}>{v.description}</div>
          {v.commitmentLabel && <div className="card-meta">Cam kết: {v.commitmentLabel}</div>}
          <Flex justify="space-between" align="center" style={{ marginTop: 6 }}>
            <Evidence v={v} />
            <DeleteViolation v={v} />
          </Flex>
        </>
      )}
    />
  );
}

function DeleteNote({ n }: { n: Note }) {
  const del = useDeleteNote();
  const { message } = App.useApp();
  if (!n.canDelete) return null;
  return (
    <Popconfirm title="Xóa nhận xét này?" okText="Xóa" cancelText="Hủy" okButtonProps={{ danger: true }} onConfirm={() => del.mutateAsync(n.id).catch((e: unknown) => void message.error(errorMessage(e)))}>
      <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa nhận xét ngày ${formatViDate(n.notedOn)}`} />
    </Popconfirm>
  );
}

function NotesView({ w }: { w: Workspace }) {
  return (
    <DataView<Note>
      label="Nhận xét giám sát"
      rows={w.notes}
      rowKey="id"
      scrollX={900}
      emptyText="Chưa có nhận xét nào"
      columns={[
        { title: "Ngày", dataIndex: "notedOn", width: 110, render: (v: string) => formatViDate(v) },
        { title: "Về", key: "about", width: 220, render: (_, n) => <About n={n} /> },
        { title: "Nội dung", dataIndex: "note" },
        { title: "Người ghi", dataIndex: "createdBy", width: 120 },
        { title: "", key: "actions", width: 56, render: (_, n) => <DeleteNote n={n} /> },
      ]}
      renderCard={(n) => (
        <>
          <div className="card-row">
            <span className="card-title">
              <About n={n} />
            </span>
            <span className="card-meta">{formatViDate(n.notedOn)}</span>
          </div>
          <div style={{ marginTop: 4 }}>{n.note}</div>
          <Flex justify="flex-end">
            <DeleteNote n={n} />
          </Flex>
        </>
      )}
    />
  );
}

function About({ n }: { n: Note }) {
  return (
    <>
      {n.personName ?? "Chi bộ (chung)"}
      {n.commitmentLabel && <div className="card-meta">{n.commitmentLabel}</div>}
    </>
  );
}

function ReportsView({ w }: { w: Workspace }) {
  if (!w.reports.length) return <Empty description="Chưa có báo cáo giám sát" />;
  return (
    <Flex vertical gap={8} role="list" aria-label="Báo cáo giám sát">
      {w.reports.map((r) => (
        <Card key={r.id} size="small" role="listitem">
          <div className="card-row">
            <Link to={`/giam-sat/bao-cao/${r.id}`} className="card-title">
              Báo cáo giám sát kỳ {formatViDate(r.periodStart)} – {formatViDate(r.periodEnd)}
            </Link>
            <Tag color={r.status === "submitted" ? "green" : "default"}>{r.statusLabel}</Tag>
          </div>
          <div className="card-meta">
            {r.submittedAt ? `Gửi lúc ${formatViDateTime(r.submittedAt)}` : "Chưa gửi"}
            {r.createdBy ? ` · Người lập: ${r.createdBy}` : ""}
          </div>
        </Card>
      ))}
    </Flex>
  );
}
