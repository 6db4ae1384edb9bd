import { WarningOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Select, Switch, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import { errorMessage } from "@web/api/client";
import { useApplySuggestedRatings, useApplySuggestions, useSheet, useUpdateEvaluation, type Sheet, type SheetMember } from "@web/api/evaluations";
import { documentPaths } from "@web/api/documents";
import { evaluationExportUrl } from "@web/api/spreadsheets";
import { BulkActionModal } from "@web/components/bulk-action-modal";
import { DataView } from "@web/components/data-view";
import { DocumentDownloads } from "@web/components/document-downloads";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDate, formatViDateTime } from "@web/lib/format";
import { usePageTitle } from "@web/lib/use-page-title";
import { useIsPhone } from "@web/lib/use-media";
import { ExportExcelButton } from "../spreadsheets/export-button";
import { CommitmentsModal, RATING_OPTIONS, RateModal, SignOffModal, UnlockModal } from "./sheet-modals";
import { EvaluationStatusTag, RatingTag } from "./status-tag";

const viNumber = (n: number | null) => (n === null ? "—" : String(n).replace(".", ","));

/** The evaluation sheet of a cell: judge commitments, score and rate members, warnings, sign-off, approval, unlock. */
export default function SheetPage() {
  const { id } = useParams();
  const sheet = useSheet(id);
  usePageTitle(sheet.data ? `Đánh giá, xếp loại: ${sheet.data.unit.name}` : "Phiếu đánh giá, xếp loại");
  return (
    <QueryState isLoading={sheet.isLoading} error={sheet.error} refetch={sheet.refetch}>
      {sheet.data && <SheetView s={sheet.data} />}
    </QueryState>
  );
}

function SheetView({ s }: { s: Sheet }) {
  const [rating, setRating] = useState<SheetMember | null>(null);
  const [commitments, setCommitments] = useState<SheetMember | null>(null);
  const [modal, setModal] = useState<"cell" | "commune" | "unlock" | null>(null);
  const apply = useApplySuggestions(s.id);
  const applyPicked = useApplySuggestedRatings(s.id);
  const [picked, setPicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const { message } = App.useApp();
  const a = s.abilities;
  const warned = new Set(s.warnings.flatMap((w) => w.personIds));
  const isPhone = useIsPhone();
  const suggestible = a.canEdit ? s.members.filter((m) => m.suggestedRating !== null) : [];
  const chosen = suggestible.filter((m) => picked.includes(m.personId));

  return (
    <>
      <PageHeader
        back="/danh-gia"
        title={`Đánh giá, xếp loại: ${s.unit.name}`}
        subtitle={`${s.campaign.name} (${formatViDate(s.campaign.periodStart)} – ${formatViDate(s.campaign.periodEnd)})`}
        tags={<EvaluationStatusTag status={s.status} label={s.statusLabel} />}
        extra={
          <>
            {a.canEdit && (
              <Popconfirm
                title="Điền gợi ý cho các mục chưa đánh giá?"
                description="Cam kết chưa đánh giá nhận kết quả gợi ý; đảng viên chưa xếp loại nhận điểm và mức gợi ý."
                okText="Áp dụng"
                cancelText="Hủy"
                onConfirm={() => apply.mutateAsync(undefined).then(() => void message.success("Đã áp dụng gợi ý"), (e: unknown) => void message.error(errorMessage(e)))}
              >
                <Button loading={apply.isPending}>Áp dụng gợi ý</Button>
              </Popconfirm>
            )}
            {a.canSignOff && (
              <Button type="primary" onClick={() => setModal("cell")}>
                Ký duyệt
              </Button>
            )}
            {a.canCommuneApprove && (
              <Button type="primary" onClick={() => setModal("commune")}>
                Duyệt kết quả
              </Button>
            )}
            {a.canUnlock && (
              <Button danger onClick={() => setModal("unlock")}>
                Mở khóa
              </Button>
            )}
            <ExportExcelButton href={evaluationExportUrl(s.id)} />
            <DocumentDownloads caption="Bảng tổng hợp" path={documentPaths.evaluationSummary(s.id)} label="bảng tổng hợp đánh giá, xếp loại" />
            <DocumentDownloads caption="Biên bản họp" path={documentPaths.evaluationMinutes(s.id)} label="biên bản họp chi bộ đánh giá, xếp loại" />
          </>
        }
      />

      {s.locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Kết quả đã được khóa${s.cellApprovedAt ? ` — chi bộ duyệt lúc ${formatViDateTime(s.cellApprovedAt)} (${s.cellApprovedBy ?? ""})` : ""}${s.communeApprovedAt ? `; Đảng ủy xã duyệt lúc ${formatViDateTime(s.communeApprovedAt)} (${s.communeApprovedBy ?? ""})` : ""}`}
        />
      )}

      <Warnings s={s} />

      <Card title="Quy định áp dụng" size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          layout={isPhone ? "vertical" : "horizontal"}
          column={{ xs: 1, md: 2 }}
          items={[
            { key: "reg", label: "Văn bản", children: <Tooltip title={s.parameters.legalBasis}>{s.parameters.regulation}</Tooltip> },
            {
              key: "bands",
              label: "Mức điểm",
              children: `Xuất sắc ≥ ${s.parameters.bands.excellent}; Tốt ≥ ${s.parameters.bands.good}; Hoàn thành ≥ ${s.parameters.bands.complete}`,
            },
            {
              key: "quota",
              label: "Tỷ lệ Hoàn thành xuất sắc",
              children: `${s.parameters.excellentCount} người; tối đa ${s.parameters.excellentLimit} (${s.parameters.quotaPercent}% của ${s.parameters.goodCount} người Hoàn thành tốt)`,
            },
            { key: "higher", label: "Cấp trên cho phép 25%", children: <HigherQuota s={s} /> },
            { key: "cell", label: "Xếp loại chi bộ (đề xuất)", children: <CellRating s={s} /> },
          ]}
        />
      </Card>

      <Card title={`Đảng viên (${s.members.length})`}>
        <DataView<SheetMember>
          label="Chấm điểm, xếp loại đảng viên"
          rows={s.members}
          rowKey="personId"
          scrollX={930}
          // What a rating breaks reads across the whole row under the member, always open.
          expandable={{
            expandedRowRender: (m) => <Problems m={m} />,
            rowExpandable: (m) => m.problems.length > 0,
            expandedRowKeys: s.members.filter((m) => m.problems.length > 0).map((m) => m.personId),
            showExpandColumn: false,
          }}
          selection={
            suggestible.length
              ? { selected: chosen.map((m) => m.personId), onChange: setPicked, selectable: (m) => a.canEdit && m.suggestedRating !== null, label: (m) => `Chọn ${m.fullName}` }
              : undefined
          }
          toolbar={
            suggestible.length > 0 && (
              <>
                <Typography.Text type="secondary" style={{ alignSelf: "center" }}>
                  Đã chọn {chosen.length}/{suggestible.length} người có gợi ý
                </Typography.Text>
                <Button type="primary" ghost disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
                  Áp dụng xếp loại gợi ý ({chosen.length})
                </Button>
              </>
            )
          }
          columns={[
            {
              title: "Họ và tên",
              dataIndex: "fullName",
              width: 180,
              render: (v: string, m) => (
                <>
                  <Typography.Text strong>{v}</Typography.Text> {warned.has(m.personId) && <WarningOutlined style={{ color: "#d46b08" }} aria-label="Có cảnh báo" />}
                  {m.roleLabel && <div className="card-meta">{m.roleLabel}</div>}
                  {m.selfAssessment && <Tag style={{ marginTop: 4 }}>Đã tự đánh giá</Tag>}
                </>
              ),
            },
            { title: "Cam kết", key: "commitments", width: 150, render: (_, m) => <CommitmentSummary m={m} onOpen={() => setCommitments(m)} /> },
            { title: "Gợi ý", key: "suggested", width: 170, render: (_, m) => <Suggested m={m} /> },
            { title: "Điểm", dataIndex: "score", width: 80, render: (v: number | null) => viNumber(v) },
            { title: "Xếp loại", key: "rating", width: 190, render: (_, m) => <Rated m={m} /> },
            {
              title: "",
              key: "actions",
              width: 120,
              fixed: "right",
              render: (_, m) =>
                a.canEdit ? (
                  <Button size="small" onClick={() => setRating(m)} aria-label={`Chấm điểm, xếp loại ${m.fullName}`}>
                    Chấm điểm
                  </Button>
                ) : null,
            },
          ]}
          renderCard={(m) => (
            <>
              <div className="card-row">
                <span className="card-title">
                  {m.fullName} {warned.has(m.personId) && <WarningOutlined style={{ color: "#d46b08" }} aria-label="Có cảnh báo" />}
                </span>
                <Rated m={m} />
              </div>
              <div className="card-meta">
                {m.roleLabel}
                {m.score !== null ? ` · ${viNumber(m.score)} điểm` : ""}
              </div>
              <div style={{ marginTop: 6 }}>
                <Suggested m={m} />
              </div>
              <Problems m={m} />
              <Flex justify="space-between" align="center" style={{ marginTop: 8 }} gap={8} wrap>
                <CommitmentSummary m={m} onOpen={() => setCommitments(m)} />
                {a.canEdit && (
                  <Button size="small" type="primary" ghost onClick={() => setRating(m)} aria-label={`Chấm điểm, xếp loại ${m.fullName}`}>
                    Chấm điểm
                  </Button>
                )}
              </Flex>
            </>
          )}
        />
      </Card>

      <BulkActionModal
        title="Áp dụng xếp loại gợi ý"
        open={confirming}
        onClose={() => setConfirming(false)}
        okText={`Áp dụng cho ${chosen.length} người`}
        intro="Mỗi người dưới đây nhận mức xếp loại gợi ý (và điểm dùng để gợi ý); từng người được ghi nhật ký. Nếu có người không áp dụng được thì không ai bị thay đổi."
        items={chosen.map((m) => ({
          key: m.personId,
          line: (
            <>
              {m.fullName}: {m.ratingLabel ? `${m.ratingLabel} → ` : ""}
              <strong>{m.suggestedRating!.label}</strong>
              {m.suggestedScore.score !== null && m.score === null ? ` (${viNumber(m.suggestedScore.score)} điểm)` : ""}
            </>
          ),
        }))}
        run={() => applyPicked.mutateAsync(chosen.map((m) => m.personId))}
        successMessage={`Đã áp dụng xếp loại gợi ý cho ${chosen.length} người`}
        onDone={() => setPicked([])}
      />
      <RateModal key={rating?.personId ?? "none"} sheet={s} member={rating} onClose={() => setRating(null)} />
      <CommitmentsModal sheet={s} member={commitments} onClose={() => setCommitments(null)} />
      <SignOffModal sheet={s} level="cell" open={modal === "cell"} onClose={() => setModal(null)} />
      <SignOffModal sheet={s} level="commune" open={modal === "commune"} onClose={() => setModal(null)} />
      <UnlockModal sheet={s} open={modal === "unlock"} onClose={() => setModal(null)} />
    </>
  );
}

function Warnings({ s }: { s: Sheet }) {
  if (!s.warnings.length) {
    return s.status === "draft" ? (
      <Alert type="success" showIcon style={{ marginBottom: 16 }} title="Chưa có cảnh báo: kết quả hiện tại đúng các quy định về tỷ lệ và điều kiện." />
    ) : null;
  }
  // Once signed, the same warnings are the ones the signer acknowledged.
  const title = s.status === "draft" ? "Cảnh báo trước khi ký duyệt" : "Cảnh báo đã được xác nhận khi ký duyệt";
  return (
    <section aria-label={title} style={{ marginBottom: 16 }}>
      <Alert
        type="warning"
        showIcon
        title={`${title} (${s.warnings.length})`}
        description={
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {s.warnings.map((w) => (
              <li key={`${w.code}-${w.message}`}>
                <Typography.Text strong={w.code === "QUOTA_EXCEEDED"}>{w.message}</Typography.Text>
                {w.blocking && <Tag color="red" style={{ marginInlineStart: 6 }}>Phải xử lý trước khi ký</Tag>}
                <div className="card-meta">Quy định: {w.rule}</div>
              </li>
            ))}
          </ul>
        }
      />
    </section>
  );
}

function CommitmentSummary({ m, onOpen }: { m: SheetMember; onOpen: () => void }) {
  const achieved = m.commitments.filter((c) => c.achieved).length;
  // Nothing to open: plain grey text, not a red link that reads like an error.
  if (!m.commitments.length && !m.violations.length) return <Typography.Text type="secondary">Không có cam kết</Typography.Text>;
  return (
    <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={onOpen} aria-label={`Cam kết của ${m.fullName}`}>
      {m.commitments.length ? `${achieved}/${m.commitments.length} cam kết đạt` : "Không có cam kết"}
      {m.violations.length > 0 && (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {m.violations.length} vi phạm
        </Tag>
      )}
    </Button>
  );
}

function Suggested({ m }: { m: SheetMember }) {
  if (!m.suggestedRating) return <Typography.Text type="secondary">Chưa có gợi ý</Typography.Text>;
  return (
    <Tooltip title={[m.suggestedScore.explanation, ...m.suggestedRating.reasons].join(". ")}>
      <span>
        {m.suggestedScore.score !== null ? `${viNumber(m.suggestedScore.score)} điểm · ` : ""}
        {m.suggestedRating.label}
      </span>
    </Tooltip>
  );
}

/** What the rating given breaks (RULES.md §1), each with its rule and by how much, and the suggestion. */
function Problems({ m }: { m: SheetMember }) {
  if (!m.problems.length) return null;
  return (
    <div role="group" aria-label={`Xếp loại của ${m.fullName} chưa đủ điều kiện`} style={{ marginTop: 4 }}>
      <Typography.Text type="warning" strong style={{ fontSize: 13 }}>
        <WarningOutlined aria-hidden /> Chưa đủ điều kiện{m.suggestedRating && m.suggestedRating.rating !== m.rating ? ` — gợi ý: ${m.suggestedRating.label}` : ""}
      </Typography.Text>
      <ul style={{ paddingInlineStart: 18, margin: "2px 0 0", fontSize: 13 }}>
        {m.problems.map((p) => (
          <li key={p.code + p.message}>
            {p.message}
            <div className="card-meta">Quy định: {p.rule}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Rated({ m }: { m: SheetMember }) {
  return (
    <span>
      <RatingTag rating={m.rating} label={m.ratingLabel} />
      {m.overridden && <Typography.Text type="warning">khác gợi ý</Typography.Text>}
    </span>
  );
}

function HigherQuota({ s }: { s: Sheet }) {
  const update = useUpdateEvaluation(s.id);
  const { message } = App.useApp();
  if (!s.abilities.canSetHigherQuota) return <>{s.allowHigherQuota ? "Có (25%)" : "Không (20%)"}</>;
  return (
    <Switch
      checked={s.allowHigherQuota}
      loading={update.isPending}
      aria-label="Cấp trên cho phép tỷ lệ 25%"
      checkedChildren="25%"
      unCheckedChildren="20%"
      onChange={(v) => update.mutateAsync({ allowHigherQuota: v }).catch((e: unknown) => void message.error(errorMessage(e)))}
    />
  );
}

function CellRating({ s }: { s: Sheet }) {
  const update = useUpdateEvaluation(s.id);
  const { message } = App.useApp();
  if (!s.abilities.canEdit) return <RatingTag rating={s.unitRating} label={s.unitRatingLabel} />;
  return (
    <Select
      aria-label="Xếp loại chi bộ (đề xuất)"
      allowClear
      style={{ width: "100%", maxWidth: 260 }}
      value={s.unitRating ?? undefined}
      placeholder="Chưa đề xuất"
      options={RATING_OPTIONS}
      onChange={(v?: string) => update.mutateAsync({ unitRating: (v ?? null) as never }).catch((e: unknown) => void message.error(errorMessage(e)))}
    />
  );
}
