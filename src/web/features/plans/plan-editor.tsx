import { ArrowDownOutlined, ArrowUpOutlined, BulbOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { PARAGRAPH_KIND_LABELS, PARAGRAPH_KINDS, RESPONSIBILITY_ROLE_LABELS, RESPONSIBILITY_ROLES } from "@contracts/plans.js";
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "@web/api/client";
import { fetchNumberSuggestion, useUpdatePlan, type PlanDetailData } from "@web/api/plans";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { applyServerErrors } from "@web/lib/form-errors";

interface EditorValues {
  number: number | null;
  date: string;
  place: string;
  subject: string;
  basis: { text: string; planId: string | null }[];
  preamble: string | null;
  sections: {
    heading: string;
    paragraphs: { kind: (typeof PARAGRAPH_KINDS)[number]; text: string }[];
    responsibilities: { role: (typeof RESPONSIBILITY_ROLES)[number]; text: string }[];
  }[];
  closing: string | null;
  recipients: string[];
  signatureTitles: string[];
  signerName: string;
}

const KIND_OPTIONS = PARAGRAPH_KINDS.map((k) => ({ value: k, label: PARAGRAPH_KIND_LABELS[k] }));
const ROLE_OPTIONS = RESPONSIBILITY_ROLES.map((r) => ({ value: r, label: RESPONSIBILITY_ROLE_LABELS[r] }));
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

function toValues(p: PlanDetailData): EditorValues {
  return {
    number: p.number,
    date: p.date ?? "",
    place: p.place,
    subject: p.subject,
    basis: p.basis.map((b) => ({ text: b.text, planId: b.planId })),
    preamble: p.preamble,
    sections: p.sections.map((s) => ({
      heading: s.heading,
      paragraphs: s.paragraphs.map((x) => ({ kind: x.kind, text: x.text })),
      responsibilities: s.responsibilities.map((r) => ({ role: r.role, text: r.text })),
    })),
    closing: p.closing,
    recipients: p.recipients,
    signatureTitles: p.signatureTitles,
    signerName: p.signerName ?? "",
  };
}

/** "01-KH/CB" from the number and the issuing body's abbreviation of the number line. */
function symbolPreview(number: number | null | undefined, plan: PlanDetailData): string {
  const issuer = /\/([^/]+)$/.exec(plan.numberLine ?? "")?.[1] ?? "";
  if (!number) return `…-${plan.typeCode}/${issuer}`;
  return `${String(number).padStart(2, "0")}-${plan.typeCode}/${issuer}`;
}

const area = (min: number, max: number) => ({ minRows: min, maxRows: max });

/**
 * The secretary's editor of a draft plan: number and date, subject, basis, preamble, the
 * sections with their lines and responsibilities by position, closing, recipients, signature.
 * Saved at once (PATCH); the server checks everything again.
 */
export function PlanEditor({ plan, onDirtyChange }: { plan: PlanDetailData; onDirtyChange: (dirty: boolean) => void }) {
  const [form] = Form.useForm<EditorValues>();
  const update = useUpdatePlan(plan.id);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const number = Form.useWatch("number", form);

  const save = async (v: EditorValues) => {
    setError(null);
    try {
      await update.mutateAsync({
        number: v.number ?? null,
        date: v.date,
        place: v.place,
        subject: v.subject,
        basis: (v.basis ?? []).map((b) => ({ text: b.text, planId: b.planId ?? null })),
        preamble: v.preamble || null,
        sections: (v.sections ?? []).map((s) => ({
          heading: s.heading,
          paragraphs: (s.paragraphs ?? []).map((x) => ({ kind: x.kind ?? "bullet", text: x.text })),
          responsibilities: (s.responsibilities ?? []).map((r) => ({ role: r.role, text: r.text })),
        })),
        closing: v.closing || null,
        recipients: v.recipients ?? [],
        signatureTitles: v.signatureTitles ?? [],
        signerName: v.signerName,
      });
      onDirtyChange(false);
      void message.success("Đã lưu dự thảo");
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };

  const suggest = async () => {
    try {
      const s = await fetchNumberSuggestion({ unitId: plan.unitId, date: form.getFieldValue("date") || plan.date || "", planId: plan.id });
      form.setFieldValue("number", s.number);
      onDirtyChange(true);
      void message.info(`Số gợi ý: ${s.symbol} (${s.termName})`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Form<EditorValues>
      form={form}
      layout="vertical"
      initialValues={toValues(plan)}
      onFinish={(v) => void save(v)}
      onValuesChange={() => onDirtyChange(true)}
      scrollToFirstError
      aria-label="Soạn thảo kế hoạch"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Card title="Số, ngày, trích yếu" style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item label="Số văn bản" extra={`Ký hiệu: ${symbolPreview(number, plan)}`}>
              <Flex gap={8}>
                <Form.Item name="number" noStyle>
                  <InputNumber min={1} max={99999} style={{ width: "100%" }} aria-label="Số văn bản" />
                </Form.Item>
                <Button icon={<BulbOutlined aria-hidden />} onClick={() => void suggest()}>
                  Gợi ý số
                </Button>
              </Flex>
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={8}>
            <Form.Item label="Ngày kế hoạch" name="date" rules={[{ required: true, message: "Vui lòng chọn ngày" }]}>
              <IsoDatePicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Địa danh" name="place" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập địa danh" }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập trích yếu" }]} extra="Xuống dòng để ngắt dòng như trên bản in.">
          <Input.TextArea autoSize={area(2, 5)} maxLength={1000} />
        </Form.Item>
      </Card>

      <Card title="Căn cứ và lời dẫn" style={{ marginBottom: 16 }}>
        <Form.List name="basis">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="flex-start">
                  <Form.Item label={`Căn cứ ${i + 1}`} name={[f.name, "text"]} rules={[{ required: true, whitespace: true, message: "Nhập nội dung căn cứ" }]} style={{ flex: 1, marginBottom: 8 }}>
                    <Input.TextArea autoSize={area(2, 6)} maxLength={2000} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa căn cứ ${i + 1}`} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ text: "Căn cứ ", planId: null })} style={{ alignSelf: "flex-start" }}>
                Thêm căn cứ
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item label="Lời dẫn" name="preamble" style={{ marginTop: 16 }}>
          <Input.TextArea autoSize={area(2, 5)} maxLength={3000} />
        </Form.Item>
      </Card>

      <Form.List name="sections">
        {(sections, sectionOps) => (
          <Flex vertical gap={16} style={{ marginBottom: 16 }}>
            {sections.map((s, si) => (
              <Card
                key={s.key}
                size="small"
                title={`Mục ${ROMAN[si] ?? si + 1}`}
                extra={
                  <Flex gap={4}>
                    <Button type="text" size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={`Đưa mục ${si + 1} lên`} disabled={si === 0} onClick={() => sectionOps.move(si, si - 1)} />
                    <Button type="text" size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label={`Đưa mục ${si + 1} xuống`} disabled={si === sections.length - 1} onClick={() => sectionOps.move(si, si + 1)} />
                    <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa mục ${si + 1}`} onClick={() => sectionOps.remove(s.name)} />
                  </Flex>
                }
              >
                <Form.Item label={`Tiêu đề mục ${si + 1}`} name={[s.name, "heading"]} rules={[{ required: true, whitespace: true, message: "Nhập tiêu đề mục" }]}>
                  <Input maxLength={300} />
                </Form.Item>
                <Form.List name={[s.name, "paragraphs"]}>
                  {(lines, lineOps) => (
                    <Flex vertical gap={8}>
                      {lines.map((l, li) => (
                        <div key={l.key} style={{ borderLeft: "3px solid #f0f0f0", paddingLeft: 10 }}>
                          <Flex gap={8} align="center" justify="space-between" wrap>
                            <Form.Item name={[l.name, "kind"]} noStyle>
                              <Select options={KIND_OPTIONS} size="small" style={{ width: 170 }} aria-label={`Kiểu dòng ${li + 1} của mục ${si + 1}`} />
                            </Form.Item>
                            <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa dòng ${li + 1} của mục ${si + 1}`} onClick={() => lineOps.remove(l.name)} />
                          </Flex>
                          <Form.Item
                            label={`Dòng ${li + 1} của mục ${si + 1}`}
                            name={[l.name, "text"]}
                            rules={[{ required: true, whitespace: true, message: "Nhập nội dung" }]}
                            style={{ marginTop: 6, marginBottom: 0 }}
                          >
                            <Input.TextArea autoSize={area(2, 8)} maxLength={5000} />
                          </Form.Item>
                        </div>
                      ))}
                      <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => lineOps.add({ kind: "bullet", text: "" })} style={{ alignSelf: "flex-start" }}>
                        Thêm dòng vào mục {si + 1}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
                <Typography.Text strong style={{ display: "block", margin: "16px 0 8px" }}>
                  Trách nhiệm theo chức vụ
                </Typography.Text>
                <Form.List name={[s.name, "responsibilities"]}>
                  {(rs, rOps) => (
                    <Flex vertical gap={8}>
                      {rs.map((r, ri) => (
                        <div key={r.key} style={{ borderLeft: "3px solid #ffe7ba", paddingLeft: 10 }}>
                          <Flex gap={8} align="center" justify="space-between" wrap>
                            <Form.Item name={[r.name, "role"]} noStyle rules={[{ required: true, message: "Chọn chức vụ" }]}>
                              <Select options={ROLE_OPTIONS} size="small" style={{ width: 230 }} aria-label={`Chức vụ của trách nhiệm ${ri + 1} mục ${si + 1}`} />
                            </Form.Item>
                            <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa trách nhiệm ${ri + 1} của mục ${si + 1}`} onClick={() => rOps.remove(r.name)} />
                          </Flex>
                          <Form.Item
                            label={`Trách nhiệm ${ri + 1} của mục ${si + 1}`}
                            name={[r.name, "text"]}
                            rules={[{ required: true, whitespace: true, message: "Nhập nội dung trách nhiệm" }]}
                            style={{ marginTop: 6, marginBottom: 0 }}
                          >
                            <Input.TextArea autoSize={area(2, 6)} maxLength={5000} />
                          </Form.Item>
                        </div>
                      ))}
                      <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => rOps.add({ role: "members", text: "" })} style={{ alignSelf: "flex-start" }}>
                        Thêm trách nhiệm vào mục {si + 1}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => sectionOps.add({ heading: `${ROMAN[sections.length] ?? sections.length + 1}. `, paragraphs: [], responsibilities: [] })}
              style={{ alignSelf: "flex-start" }}
            >
              Thêm mục
            </Button>
          </Flex>
        )}
      </Form.List>

      <Card title="Phần kết, nơi nhận, người ký" style={{ marginBottom: 16 }}>
        <Form.Item label="Phần kết" name="closing">
          <Input.TextArea autoSize={area(2, 5)} maxLength={3000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.List name="recipients">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  {fields.map((f, i) => (
                    <Flex key={f.key} gap={8} align="flex-start">
                      <Form.Item label={`Nơi nhận ${i + 1}`} name={[f.name]} rules={[{ required: true, whitespace: true, message: "Nhập nơi nhận" }]} style={{ flex: 1, marginBottom: 8 }}>
                        <Input maxLength={300} />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa nơi nhận ${i + 1}`} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                    </Flex>
                  ))}
                  <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add("")} style={{ alignSelf: "flex-start" }}>
                    Thêm nơi nhận
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Col>
          <Col xs={24} md={12}>
            <Form.List name="signatureTitles">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  {fields.map((f, i) => (
                    <Flex key={f.key} gap={8} align="flex-start">
                      <Form.Item label={`Thể thức ký, dòng ${i + 1}`} name={[f.name]} rules={[{ required: true, whitespace: true, message: "Nhập dòng thể thức ký" }]} style={{ flex: 1, marginBottom: 8 }}>
                        <Input maxLength={100} />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa dòng thể thức ký ${i + 1}`} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                    </Flex>
                  ))}
                  {fields.length < 4 && (
                    <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add("")} style={{ alignSelf: "flex-start" }}>
                      Thêm dòng thể thức ký
                    </Button>
                  )}
                </Flex>
              )}
            </Form.List>
            <Form.Item label="Người ký" name="signerName" rules={[{ required: true, whitespace: true, message: "Nhập họ tên người ký" }]} style={{ marginTop: 12 }}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Flex gap={8} wrap style={{ position: "sticky", bottom: 0, background: "#fff", padding: "12px 0", zIndex: 2, borderTop: "1px solid #f0f0f0" }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={update.isPending}>
          Lưu dự thảo
        </Button>
      </Flex>
    </Form>
  );
}
