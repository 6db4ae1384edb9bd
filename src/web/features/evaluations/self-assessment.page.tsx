import { PaperClipOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, InputNumber, Select, Tag, Typography } from "antd";
import { useMyEvaluations, useSaveSelfAssessment, type MyEvaluation } from "@web/api/evaluations";
import { documentPaths } from "@web/api/documents";
import { evidenceUrl, useMyViolations, type MyViolation } from "@web/api/supervision";
import { DocumentDownloads } from "@web/components/document-downloads";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { applyServerErrors } from "@web/lib/form-errors";
import { formatViDate, formatViDateTime } from "@web/lib/format";
import { RATING_OPTIONS } from "./sheet-modals";
import { RatingTag } from "./status-tag";

/** My self-assessment per campaign, my result once signed off, and the violations recorded against me. */
export default function SelfAssessmentPage() {
  const mine = useMyEvaluations();
  const violations = useMyViolations();
  const items = mine.data?.items ?? [];
  return (
    <>
      <PageHeader title="Tự đánh giá" subtitle="Tự đánh giá kết quả thực hiện việc làm đã đăng ký; xem kết quả xếp loại khi chi bộ đã duyệt." />
      <QueryState isLoading={mine.isLoading} error={mine.error} refetch={mine.refetch}>
        {items.length === 0 ? (
          <Card>
            <Empty description="Bạn chưa tham gia phong trào nào" />
          </Card>
        ) : (
          <Flex vertical gap={16}>
            {items.map((item) => (
              <SelfAssessmentCard key={`${item.campaignId}|${item.unitId}`} item={item} violations={(violations.data?.items ?? []).filter((v) => v.campaignId === item.campaignId)} />
            ))}
          </Flex>
        )}
      </QueryState>
    </>
  );
}

const OUTCOME_COLORS = { achieved: "green", not_achieved: "red", open: "blue" } as const;

/** The member's approved commitments with where each stands, to write the self-assessment against. */
function MyCommitments({ commitments }: { commitments: MyEvaluation["commitments"] }) {
  return (
    <section aria-label="Việc làm đã đăng ký và kết quả" style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Việc làm đã đăng ký và kết quả
      </Typography.Title>
      {commitments.length === 0 ? (
        <Typography.Text type="secondary">Chưa có việc làm nào được chi bộ duyệt.</Typography.Text>
      ) : (
        <Flex vertical gap={8} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {commitments.map((c) => (
            <li key={c.id} aria-label={c.label} style={{ border: "1px solid #f0f0f0", borderRadius: 8, padding: "8px 12px" }}>
              <Flex justify="space-between" align="flex-start" gap={8} wrap>
                <span style={{ flex: "1 1 260px", minWidth: 0 }}>
                  <Typography.Text strong>{c.itemCode}</Typography.Text> {c.action}
                  {c.target && <div className="card-meta">Kết quả dự kiến: {c.target}</div>}
                </span>
                <Tag color={OUTCOME_COLORS[c.outcome]} style={{ marginInlineEnd: 0 }}>
                  {c.outcomeLabel}
                </Tag>
              </Flex>
              <div className="card-meta" style={{ marginTop: 4 }}>
                {[c.deadline ? `Hạn: ${formatViDate(c.deadline)}` : "Không đặt hạn", `Tự báo cáo: ${c.statusLabel}`, c.judgementLabel].join(" · ")}
              </div>
              {c.judgedNote && <div className="card-meta">Nhận xét của chi bộ: {c.judgedNote}</div>}
              {c.outcome === "not_achieved" && <div className="card-meta">{c.reason}</div>}
              {c.violations.map((v) => (
                <div key={v.id} style={{ marginTop: 4 }}>
                  <Tag color="red">{v.kindLabel}</Tag>
                  {formatViDate(v.occurredOn)}: {v.description}
                </div>
              ))}
            </li>
          ))}
        </Flex>
      )}
    </section>
  );
}

interface Values {
  content: string;
  proposedRating?: string | null;
  selfScore?: number | null;
}

function SelfAssessmentCard({ item, violations }: { item: MyEvaluation; violations: MyViolation[] }) {
  const save = useSaveSelfAssessment();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const s = item.selfAssessment;
  return (
    <Card
      title={<span style={{ whiteSpace: "normal" }}>{item.campaignName}</span>}
      extra={<DocumentDownloads size="small" path={documentPaths.mySelfAssessment(item.campaignId, item.unitId)} label="bản tự kiểm điểm" />}
    >
      <Typography.Text type="secondary" style={{ display: "block", marginBottom: 12 }}>
        {item.unitName} · {formatViDate(item.periodStart)} – {formatViDate(item.periodEnd)}
      </Typography.Text>
      {item.result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <>
              Kết quả xếp loại: <RatingTag rating={item.result.rating} label={item.result.ratingLabel} />
              {item.result.score !== null ? ` ${String(item.result.score).replace(".", ",")} điểm` : ""}
            </>
          }
          description={item.result.statusLabel}
        />
      )}
      {violations.length > 0 && (
        <section aria-label="Vi phạm được ghi nhận đối với tôi" style={{ marginBottom: 16 }}>
          <Alert
            type="error"
            showIcon
            title={`Vi phạm được ghi nhận (${violations.length})`}
            description={violations.map((v) => (
              <div key={v.id} style={{ marginTop: 4 }}>
                <Tag color="red">{v.kindLabel}</Tag>
                {formatViDate(v.occurredOn)}: {v.description}
                {v.commitmentLabel && <div className="card-meta">Cam kết bị vi phạm: {v.commitmentLabel}</div>}
                {v.evidence.map((e) => (
                  <div key={e.id}>
                    <a href={evidenceUrl(v.id, e.id)} target="_blank" rel="noreferrer">
                      <PaperClipOutlined aria-hidden /> {e.fileName}
                    </a>
                  </div>
                ))}
              </div>
            ))}
          />
        </section>
      )}
      <MyCommitments commitments={item.commitments} />
      {item.locked ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: "content", label: "Bản tự đánh giá", children: s ? <span style={{ whiteSpace: "pre-wrap" }}>{s.content}</span> : "Không có" },
            { key: "rating", label: "Tự xếp loại", children: s ? <RatingTag rating={s.proposedRating} label={s.proposedRatingLabel} /> : "—" },
            { key: "score", label: "Điểm tự chấm", children: s?.selfScore ?? "—" },
          ]}
        />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ content: s?.content ?? "", proposedRating: s?.proposedRating ?? null, selfScore: s?.selfScore ?? null }}
          onFinish={(v) =>
            save
              .mutateAsync({ campaignId: item.campaignId, unitId: item.unitId, content: v.content, proposedRating: (v.proposedRating ?? null) as never, selfScore: v.selfScore ?? null })
              .then(
                () => void message.success("Đã lưu bản tự đánh giá"),
                (e: unknown) => void message.error(applyServerErrors(form, e)),
              )
          }
        >
          <Form.Item name="content" label="Nội dung tự đánh giá" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập nội dung tự đánh giá" }]}>
            <Input.TextArea rows={4} maxLength={8000} placeholder="Kết quả thực hiện từng việc làm đã đăng ký, ưu điểm, hạn chế" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="proposedRating" label="Tự xếp loại" style={{ flex: "1 1 220px" }}>
              <Select allowClear options={RATING_OPTIONS} placeholder="Chọn mức" />
            </Form.Item>
            <Form.Item name="selfScore" label="Điểm tự chấm" style={{ flex: "1 1 140px" }}>
              <InputNumber min={0} max={100} step={0.5} decimalSeparator="," style={{ width: "100%" }} />
            </Form.Item>
          </Flex>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">{s ? `Đã lưu lúc ${formatViDateTime(s.submittedAt)}` : "Chưa tự đánh giá"}</Typography.Text>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Lưu tự đánh giá
            </Button>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
