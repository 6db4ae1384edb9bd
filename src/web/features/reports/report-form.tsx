import { SaveOutlined, SendOutlined } from "@ant-design/icons";
import { REPORT_SECTION_LABELS, REPORT_SECTIONS, type ReportSection } from "@contracts/reports.js";
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Row, Typography } from "antd";
import { useEffect, useState } from "react";
import { useSaveReport, useSubmitReport, type ReportView } from "@web/api/reports";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { formatViDate } from "@web/lib/format";
import { applyServerErrors } from "@web/lib/form-errors";

interface Fields {
  number: number | null;
  reportDate: string | null;
  strengths: string | null;
  limitations: string | null;
  causes: string | null;
  nextSteps: string | null;
}

const HINTS: Record<ReportSection, string> = {
  strengths: "Những kết quả nổi bật, việc làm hiệu quả, mô hình tiêu biểu…",
  limitations: "Những việc chưa làm được, chỉ tiêu chưa đạt…",
  causes: "Nguyên nhân của ưu điểm và hạn chế (khách quan, chủ quan)…",
  nextSteps: "Phương hướng, nhiệm vụ thời gian tới…",
};

function toFields(v: ReportView): Fields {
  const r = v.report;
  return { number: r.number, reportDate: r.reportDate, strengths: r.strengths, limitations: r.limitations, causes: r.causes, nextSteps: r.nextSteps };
}

function body(values: Fields) {
  const t = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    number: values.number ?? null,
    reportDate: values.reportDate ?? null,
    strengths: t(values.strengths),
    limitations: t(values.limitations),
    causes: t(values.causes),
    nextSteps: t(values.nextSteps),
  };
}

/** The narrative sections as read-only text (submitted reports, or readers who may not write). */
function ReadOnlySections({ view }: { view: ReportView }) {
  const r = view.report;
  return (
    <Flex vertical gap={12}>
      {REPORT_SECTIONS.map((s) => (
        <section key={s} aria-label={REPORT_SECTION_LABELS[s]}>
          <Typography.Title level={3} style={{ fontSize: 16, marginBottom: 4 }}>
            {REPORT_SECTION_LABELS[s]}
          </Typography.Title>
          {r[s] ? (
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{r[s]}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">Chưa có nội dung</Typography.Text>
          )}
        </section>
      ))}
    </Flex>
  );
}

/** The document block: number and symbol, date, where it goes, when it was sent. */
export function ReportDocumentInfo({ view }: { view: ReportView }) {
  const r = view.report;
  const submitted = r.status === "submitted";
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small">
      <Descriptions.Item label="Số, ký hiệu">{r.symbol ?? `${r.suggestedSymbol} (đề xuất)`}</Descriptions.Item>
      <Descriptions.Item label="Ngày báo cáo">{r.reportDate ? formatViDate(r.reportDate) : "Ngày gửi"}</Descriptions.Item>
      <Descriptions.Item label="Gửi đến">
        Đảng ủy cấp trên{(r.receivedByUnitName ?? view.receiver?.name) ? `, qua ${r.receivedByUnitName ?? view.receiver?.name}` : ""}
      </Descriptions.Item>
      <Descriptions.Item label="Hạn gửi báo cáo">{view.campaign.reportDeadline ? formatViDate(view.campaign.reportDeadline) : "Không quy định"}</Descriptions.Item>
      {submitted && (
        <Descriptions.Item label="Đã gửi">
          {r.submittedAt ? formatViDate(r.submittedAt) : ""}
          {r.submittedByName ? ` — ${r.submittedByName}` : ""}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The narrative form of a draft: save at any time, submit when the four sections are written. */
export function ReportForm({ view, campaignId, unitId }: { view: ReportView; campaignId: string; unitId: string }) {
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveReport(campaignId, unitId);
  const submit = useSubmitReport(campaignId, unitId);
  const { message, modal } = App.useApp();
  const editable = view.can.edit;

  useEffect(() => {
    form.setFieldsValue(toFields(view));
  }, [form, view]);

  if (!editable) {
    return (
      <Card title="Nội dung báo cáo">
        <ReadOnlySections view={view} />
      </Card>
    );
  }

  const onSave = async () => {
    setError(null);
    try {
      await save.mutateAsync(body(form.getFieldsValue()));
      void message.success("Đã lưu bản nháp báo cáo");
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  const doSubmit = async () => {
    setError(null);
    try {
      await submit.mutateAsync(body(form.getFieldsValue()));
      void message.success("Đã gửi báo cáo");
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  const onSubmit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    // the four sections are what the report says: it is sent only when each is written
    const values = form.getFieldsValue();
    const empty = REPORT_SECTIONS.filter((s) => !String(values[s] ?? "").trim());
    if (empty.length) {
      form.setFields(empty.map((s) => ({ name: s, errors: [`Vui lòng viết phần “${REPORT_SECTION_LABELS[s]}” trước khi gửi báo cáo`] })));
      return;
    }
    modal.confirm({
      title: "Gửi báo cáo kết quả?",
      content: `Báo cáo sẽ được gửi lên cấp trên${view.receiver ? ` qua ${view.receiver.name}` : ""}. Số liệu được chốt tại thời điểm gửi; sau khi gửi không sửa được nữa.`,
      okText: "Gửi báo cáo",
      cancelText: "Hủy",
      onOk: doSubmit,
    });
  };

  return (
    <Card title="Nội dung báo cáo">
      <Form<Fields> form={form} layout="vertical" initialValues={toFields(view)} onFinish={() => void onSave()} requiredMark="optional">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="Số văn bản" name="number" extra={`Để trống để dùng số đề xuất: ${view.report.suggestedSymbol}`}>
              <InputNumber min={1} max={99999} precision={0} style={{ width: "100%" }} placeholder={String(view.report.suggestedNumber)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Ngày báo cáo" name="reportDate" extra="Để trống: ngày gửi báo cáo">
              <IsoDatePicker />
            </Form.Item>
          </Col>
        </Row>
        {REPORT_SECTIONS.map((s) => (
          <Form.Item
            key={s}
            label={REPORT_SECTION_LABELS[s]}
            name={s}
            required
            extra="Bắt buộc khi gửi báo cáo; bản nháp lưu được khi còn trống."
            rules={[{ max: 20000, message: "Nội dung quá dài (tối đa 20.000 ký tự)" }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder={HINTS[s]} />
          </Form.Item>
        ))}
        <Flex gap={8} wrap justify="flex-end">
          <Button icon={<SaveOutlined aria-hidden />} htmlType="submit" loading={save.isPending}>
            Lưu bản nháp
          </Button>
          <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={() => void onSubmit()} loading={submit.isPending}>
            Gửi báo cáo
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
