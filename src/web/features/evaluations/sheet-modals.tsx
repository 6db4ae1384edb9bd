import { RATINGS, RATING_SHORT_LABELS } from "@domain/ratings.js";
import { Alert, Button, Card, Checkbox, Empty, Flex, Form, Input, InputNumber, Modal, Radio, Select, Tag, Typography } from "antd";
import { useState } from "react";
import {
  useCellApprove,
  useCommuneApprove,
  useJudgeCommitment,
  useRateMember,
  useUnlock,
  type Sheet,
  type SheetCommitment,
  type SheetMember,
} from "@web/api/evaluations";
import { documentPaths } from "@web/api/documents";
import { DocumentDownloads } from "@web/components/document-downloads";
import { FormModal } from "@web/components/form-modal";
import { formatViDate } from "@web/lib/format";
import { OutcomeTag } from "../supervision/outcome-tag";
import { RatingTag } from "./status-tag";

export const RATING_OPTIONS = RATINGS.map((r) => ({ value: r, label: RATING_SHORT_LABELS[r] }));
const viNumber = (n: number | null) => (n === null ? "—" : String(n).replace(".", ","));

interface RateValues {
  score: number | null;
  rating: string | null;
  notes?: string | null;
}

/** Scores and rates one member; the suggestion (score from commitments, rating from the rules) is shown and prefilled. */
export function RateModal({ sheet, member, onClose }: { sheet: Sheet; member: SheetMember | null; onClose: () => void }) {
  const rate = useRateMember(sheet.id);
  return (
    <FormModal<RateValues>
      title={member ? `Chấm điểm, xếp loại: ${member.fullName}` : ""}
      open={member !== null}
      onClose={onClose}
      successMessage="Đã lưu điểm và xếp loại"
      initialValues={
        member
          ? { score: member.score ?? member.suggestedScore.score, rating: member.rating ?? member.suggestedRating?.rating ?? null, notes: member.notes }
          : {}
      }
      onSubmit={(v) => rate.mutateAsync({ personId: member!.personId, score: v.score ?? null, rating: (v.rating ?? null) as never, notes: v.notes ?? null })}
    >
      {member && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={
            <>
              Gợi ý: {member.suggestedScore.score === null ? "chưa có điểm" : `${viNumber(member.suggestedScore.score)} điểm`}
              {member.suggestedRating ? ` — ${member.suggestedRating.label}` : ""}
            </>
          }
          description={
            <>
              <div>{member.suggestedScore.explanation}</div>
              {member.suggestedRating?.reasons.map((r) => <div key={r}>• {r}</div>)}
              {member.selfAssessment && (
                <div style={{ marginTop: 6 }}>
                  Tự đánh giá: {member.selfAssessment.selfScore !== null ? `${viNumber(member.selfAssessment.selfScore)} điểm` : ""}
                  {member.selfAssessment.proposedRatingLabel ? `, đề nghị ${member.selfAssessment.proposedRatingLabel}` : ""}
                </div>
              )}
            </>
          }
        />
      )}
      <Form.Item name="score" label="Điểm (thang 100)">
        <InputNumber min={0} max={100} step={0.5} decimalSeparator="," style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="rating" label="Xếp loại" extra="Bí thư có thể chọn khác mức gợi ý; hệ thống sẽ cảnh báo nếu trái quy định.">
        <Select allowClear options={RATING_OPTIONS} placeholder="Chọn mức xếp loại" />
      </Form.Item>
      <Form.Item name="notes" label="Nhận xét">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

interface JudgeValues {
  result: "achieved" | "exceeded" | "not_achieved" | "suggested";
  note?: string | null;
}

function JudgeModal({ sheet, commitment, onClose }: { sheet: Sheet; commitment: SheetCommitment | null; onClose: () => void }) {
  const judge = useJudgeCommitment(sheet.id);
  const c = commitment;
  const initial: JudgeValues | undefined = c
    ? {
        result: c.judgedStatus === null ? "suggested" : c.judgedStatus === "not_achieved" ? "not_achieved" : c.judgedExceeded ? "exceeded" : "achieved",
        note: c.judgedNote ?? (c.suggested.achieved ? null : c.suggested.reason),
      }
    : undefined;
  return (
    <FormModal<JudgeValues>
      title={c ? `Đánh giá cam kết ${c.itemCode}` : ""}
      open={c !== null}
      onClose={onClose}
      initialValues={initial ?? {}}
      onSubmit={(v) =>
        judge.mutateAsync({
          commitmentId: c!.id,
          judgedStatus: v.result === "suggested" ? null : v.result === "not_achieved" ? "not_achieved" : "achieved",
          exceeded: v.result === "exceeded",
          note: v.note ?? null,
        })
      }
    >
      {c && (
        <Typography.Paragraph>
          {c.action}
          <br />
          <Typography.Text type="secondary">Gợi ý: {c.suggested.reason}</Typography.Text>
        </Typography.Paragraph>
      )}
      <Form.Item name="result" label="Kết quả">
        <Radio.Group
          options={[
            { value: "achieved", label: "Đạt" },
            { value: "exceeded", label: "Đạt, vượt mức" },
            { value: "not_achieved", label: "Không đạt" },
            { value: "suggested", label: "Theo gợi ý" },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label="Lý do, ghi chú" extra="Bắt buộc khi đánh giá Không đạt">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function judgedText(c: SheetCommitment): string {
  if (c.judgedStatus === null) return "Chưa đánh giá (theo gợi ý)";
  if (c.judgedStatus === "achieved") return c.judgedExceeded ? "Chi bộ đánh giá: Đạt, vượt mức" : "Chi bộ đánh giá: Đạt";
  return "Chi bộ đánh giá: Không đạt";
}

/** A member's commitments with the suggested and the cell's judgement, violations and self-assessment. */
export function CommitmentsModal({ sheet, member, onClose }: { sheet: Sheet; member: SheetMember | null; onClose: () => void }) {
  const [judging, setJudging] = useState<SheetCommitment | null>(null);
  const canEdit = sheet.abilities.canEdit;
  // Always show the live version of the member (the sheet refreshes after each judgement).
  const m = member ? (sheet.members.find((x) => x.personId === member.personId) ?? member) : null;
  return (
    <Modal
      title={m ? `Cam kết của ${m.fullName}` : ""}
      open={m !== null}
      onCancel={onClose}
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          {m ? <DocumentDownloads size="small" caption="Bản tự kiểm điểm" path={documentPaths.memberSelfAssessment(sheet.id, m.personId)} label={`bản tự kiểm điểm của ${m.fullName}`} /> : <span />}
          <Button onClick={onClose}>Đóng</Button>
        </Flex>
      }
      width={720}
      destroyOnHidden
    >
      {m && (
        <Flex vertical gap={12}>
          {m.violations.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={`Vi phạm được ghi nhận (${m.violations.length})`}
              description={m.violations.map((v) => (
                <div key={v.id}>
                  {formatViDate(v.occurredOn)} — {v.kindLabel}: {v.description}
                </div>
              ))}
            />
          )}
          {m.commitments.length === 0 && <Empty description="Không có việc làm đã đăng ký (hoặc bảng đăng ký còn nháp)" />}
          {m.commitments.map((c) => (
            <Card key={c.id} size="small" title={<span style={{ whiteSpace: "normal" }}>{c.itemCode} — {c.itemTitle}</span>}>
              <div>{c.action}</div>
              {c.target && <div className="card-meta">Chỉ tiêu: {c.target}</div>}
              <div className="card-meta">Tiến độ báo cáo: {c.statusLabel}</div>
              <div style={{ marginTop: 6 }}>
                <OutcomeTag achieved={c.suggested.achieved} reason={c.suggested.reason} />
                <Typography.Text type="secondary">Gợi ý: {c.suggested.reason}</Typography.Text>
              </div>
              <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 6 }}>
                <span>
                  <Tag color={c.achieved ? "green" : "red"}>{c.achieved ? "Tính là đạt" : "Tính là không đạt"}</Tag>
                  {judgedText(c)}
                  {c.judgedNote && <div className="card-meta">Ghi chú: {c.judgedNote}</div>}
                </span>
                {canEdit && (
                  <Button size="small" onClick={() => setJudging(c)} aria-label={`Đánh giá cam kết ${c.itemCode} của ${m.fullName}`}>
                    Đánh giá
                  </Button>
                )}
              </Flex>
            </Card>
          ))}
          {m.selfAssessment && (
            <Card size="small" title="Bản tự đánh giá">
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 4 }}>{m.selfAssessment.content}</Typography.Paragraph>
              <span className="card-meta">
                Tự chấm {m.selfAssessment.selfScore ?? "—"} điểm · đề nghị <RatingTag rating={m.selfAssessment.proposedRating} label={m.selfAssessment.proposedRatingLabel} />
              </span>
            </Card>
          )}
        </Flex>
      )}
      <JudgeModal sheet={sheet} commitment={judging} onClose={() => setJudging(null)} />
    </Modal>
  );
}

/** The sign-off (cell) or approval (commune): shows the warnings and asks to acknowledge them. */
export function SignOffModal({ sheet, level, open, onClose }: { sheet: Sheet; level: "cell" | "commune"; open: boolean; onClose: () => void }) {
  const cell = useCellApprove(sheet.id);
  const commune = useCommuneApprove(sheet.id);
  const warnings = sheet.warnings;
  const blocking = warnings.filter((w) => w.blocking);
  return (
    <FormModal<{ acknowledge?: boolean }>
      title={level === "cell" ? "Chi bộ ký duyệt kết quả đánh giá" : "Đảng ủy xã duyệt kết quả đánh giá"}
      open={open}
      onClose={onClose}
      okText={level === "cell" ? "Ký duyệt" : "Duyệt"}
      successMessage={level === "cell" ? "Chi bộ đã ký duyệt; kết quả đã được khóa" : "Đã duyệt kết quả đánh giá"}
      width={640}
      onSubmit={(v) => (level === "cell" ? cell : commune).mutateAsync(Boolean(v.acknowledge))}
    >
      <Typography.Paragraph>
        Sau khi duyệt, kết quả bị khóa: mọi thay đổi đều bị từ chối cho đến khi cấp trên mở khóa.
      </Typography.Paragraph>
      {warnings.length === 0 ? (
        <Alert type="success" showIcon title="Không có cảnh báo: kết quả đúng các quy định về tỷ lệ và điều kiện." />
      ) : (
        <>
          <Alert
            type={blocking.length ? "error" : "warning"}
            showIcon
            title={`Có ${warnings.length} cảnh báo`}
            description={
              <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                {warnings.map((w) => (
                  <li key={`${w.code}-${w.message}`}>
                    {w.message}
                    <div className="card-meta">{w.rule}</div>
                  </li>
                ))}
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
          {blocking.length === 0 && (
            <Form.Item
              name="acknowledge"
              valuePropName="checked"
              rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error("Cần xác nhận đã xem các cảnh báo"))) }]}
            >
              <Checkbox>Tôi đã xem các cảnh báo trên và vẫn duyệt kết quả</Checkbox>
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}

export function UnlockModal({ sheet, open, onClose }: { sheet: Sheet; open: boolean; onClose: () => void }) {
  const unlock = useUnlock(sheet.id);
  return (
    <FormModal<{ reason: string }>
      title="Mở khóa kết quả đánh giá"
      open={open}
      onClose={onClose}
      okText="Mở khóa"
      danger
      successMessage="Đã mở khóa"
      onSubmit={(v) => unlock.mutateAsync(v.reason)}
    >
      <Typography.Paragraph>
        {sheet.status === "cell_approved" ? "Phiếu trở lại trạng thái đang đánh giá để chi bộ sửa." : "Phiếu trở lại trạng thái chi bộ đã duyệt để Đảng ủy xã xem xét lại."} Việc mở khóa được ghi nhật ký.
      </Typography.Paragraph>
      <Form.Item name="reason" label="Lý do mở khóa" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập lý do mở khóa" }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
