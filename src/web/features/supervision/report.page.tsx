import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Popconfirm, Tag, Typography } from "antd";
import { useParams } from "react-router";
import { errorMessage } from "@web/api/client";
import { useReport, useSubmitReport, useUpdateReport, type SupervisionReport } from "@web/api/supervision";
import { documentPaths } from "@web/api/documents";
import { DocumentDownloads } from "@web/components/document-downloads";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { applyServerErrors } from "@web/lib/form-errors";
import { formatViDate, formatViDateTime } from "@web/lib/format";
import { usePageTitle } from "@web/lib/use-page-title";

/** A periodic supervision report: findings per member and criterion; draft → sent to the secretary (read-only). */
export default function SupervisionReportPage() {
  const { id } = useParams();
  const report = useReport(id);
  usePageTitle(report.data ? `Báo cáo giám sát ${formatViDate(report.data.periodStart)} – ${formatViDate(report.data.periodEnd)}` : "Báo cáo giám sát");
  return (
    <QueryState isLoading={report.isLoading} error={report.error} refetch={report.refetch}>
      {report.data && <ReportView r={report.data} />}
    </QueryState>
  );
}

function ReportView({ r }: { r: SupervisionReport }) {
  return (
    <>
      <PageHeader
        back={`/giam-sat?phongtrao=${r.campaignId}&donvi=${r.unitId}`}
        title={`Báo cáo giám sát kỳ ${formatViDate(r.periodStart)} – ${formatViDate(r.periodEnd)}`}
        subtitle={`${r.unitName} · ${r.campaignName}`}
        tags={<Tag color={r.status === "submitted" ? "green" : "default"}>{r.statusLabel}</Tag>}
        extra={
          <>
            {r.canEdit && <SubmitButton r={r} />}
            <DocumentDownloads path={documentPaths.supervisionReport(r.id)} label="báo cáo giám sát" />
          </>
        }
      />
      {r.canEdit ? <EditForm r={r} /> : <ReadOnly r={r} />}
      <Card title={`Kết quả giám sát (${r.noteCount} nhận xét, ${r.violationCount} vi phạm)`} style={{ marginTop: 16 }}>
        {r.findings.length === 0 ? (
          <Empty description="Không có nhận xét hay vi phạm nào trong kỳ" />
        ) : (
          <Flex vertical gap={12} role="list" aria-label="Kết quả giám sát theo thành viên và tiêu chí">
            {r.findings.map((f) => (
              <Card key={`${f.personId ?? ""}-${f.criterionCode ?? ""}`} size="small" role="listitem" title={<span style={{ whiteSpace: "normal" }}>{f.personName}</span>} extra={<Tag>{f.criterionCode ? `Tiêu chí ${f.criterionCode}` : "Chung"}</Tag>}>
                <Typography.Text type="secondary">{f.criterionTitle}</Typography.Text>
                {f.notes.map((n, i) => (
                  <div key={`n${i}`} style={{ marginTop: 6 }}>
                    <Typography.Text strong>{formatViDate(n.date)}:</Typography.Text> {n.text}
                    {n.commitment && <div className="card-meta">Việc làm: {n.commitment}</div>}
                  </div>
                ))}
                {f.violations.map((v, i) => (
                  <div key={`v${i}`} style={{ marginTop: 6 }}>
                    <Tag color="red">{v.kindLabel}</Tag>
                    <Typography.Text strong>{formatViDate(v.date)}:</Typography.Text> {v.description}
                    {v.commitment && <div className="card-meta">Cam kết bị vi phạm: {v.commitment}</div>}
                  </div>
                ))}
              </Card>
            ))}
          </Flex>
        )}
      </Card>
    </>
  );
}

function ReadOnly({ r }: { r: SupervisionReport }) {
  return (
    <Card>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: "summary", label: "Đánh giá chung", children: r.summary ?? "—" },
          { key: "proposals", label: "Đề xuất, kiến nghị", children: r.proposals ?? "—" },
          { key: "by", label: "Người lập", children: r.createdBy ?? "—" },
          { key: "sent", label: "Gửi Bí thư", children: r.submittedAt ? `${formatViDateTime(r.submittedAt)} (${r.submittedBy ?? ""})` : "Chưa gửi" },
        ]}
      />
    </Card>
  );
}

interface Values {
  periodStart: string;
  periodEnd: string;
  summary?: string | null;
  proposals?: string | null;
}

function EditForm({ r }: { r: SupervisionReport }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateReport(r.id);
  const { message } = App.useApp();
  return (
    <Card title="Nội dung báo cáo (bản nháp)">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ periodStart: r.periodStart, periodEnd: r.periodEnd, summary: r.summary, proposals: r.proposals }}
        onFinish={(v) =>
          update.mutateAsync(v).then(
            () => void message.success("Đã lưu báo cáo"),
            (e: unknown) => void message.error(applyServerErrors(form, e)),
          )
        }
      >
        <Flex gap={12} wrap>
          <Form.Item name="periodStart" label="Từ ngày" style={{ flex: "1 1 160px" }} rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="periodEnd" label="Đến ngày" style={{ flex: "1 1 160px" }} rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
            <IsoDatePicker />
          </Form.Item>
        </Flex>
        <Form.Item name="summary" label="Đánh giá chung">
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
        <Form.Item name="proposals" label="Đề xuất, kiến nghị">
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
        <Button htmlType="submit" loading={update.isPending}>
          Lưu báo cáo
        </Button>
      </Form>
    </Card>
  );
}

function SubmitButton({ r }: { r: SupervisionReport }) {
  const submit = useSubmitReport(r.id);
  const { message } = App.useApp();
  return (
    <Popconfirm
      title="Gửi báo cáo cho Bí thư?"
      description="Sau khi gửi, báo cáo không sửa được nữa."
      okText="Gửi"
      cancelText="Hủy"
      onConfirm={() => submit.mutateAsync(undefined).then(() => void message.success("Đã gửi báo cáo cho Bí thư"), (e: unknown) => void message.error(errorMessage(e)))}
    >
      <Button type="primary" loading={submit.isPending}>
        Gửi Bí thư
      </Button>
    </Popconfirm>
  );
}
