import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import {
  useCampaignCriteria,
  useCreateRegistration,
  useRegistration,
  useSubmitRegistration,
  useUpdateRegistration,
  type Criteria,
  type Registration,
} from "@web/api/registrations";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { applyServerErrors } from "@web/lib/form-errors";
import { formatViDate, todayInVietnam } from "@web/lib/format";
import "./registrations.css";

interface CommitmentValues {
  id?: string;
  criterionItemId?: string;
  action?: string;
  target?: string;
  place?: string | null;
  startDate?: string | null;
  deadline?: string | null;
}

interface ModelValues {
  id?: string;
  name?: string;
  field?: string;
  address?: string | null;
  content?: string | null;
  expectedResult?: string | null;
  participants?: string | null;
}

interface FormValues {
  collectiveName?: string;
  commitments: CommitmentValues[];
  models: ModelValues[];
}

const TRAFFIC_DEFAULT = {
  action: "Chấp hành nghiêm Luật Giao thông đường bộ: đội mũ bảo hiểm, không sử dụng rượu bia khi điều khiển phương tiện",
  target: "Không vi phạm luật giao thông (0 lỗi) trong suốt đợt thi đua",
};

const blank = (v: string | null | undefined) => {
  const t = (v ?? "").trim();
  return t === "" ? null : t;
};

function defaultDates(c: Criteria["campaign"]) {
  const today = todayInVietnam();
  const start = today < c.periodStart ? c.periodStart : today > c.periodEnd ? c.periodEnd : today;
  return { startDate: start, deadline: c.periodEnd };
}

function initialValues(criteria: Criteria, reg: Registration | undefined, collective: boolean): FormValues {
  if (reg) {
    return {
      collectiveName: reg.collectiveName ?? undefined,
      commitments: reg.commitments.map((c) => ({
        id: c.id,
        criterionItemId: c.criterionItemId,
        action: c.action,
        target: c.target ?? "",
        place: c.place,
        startDate: c.startDate,
        deadline: c.deadline,
      })),
      models: reg.models.map((m) => ({ ...m })),
    };
  }
  const dates = defaultDates(criteria.campaign);
  const mandatory = collective ? [] : criteria.criteria.flatMap((c) => c.items.filter((i) => i.mandatory));
  return {
    commitments: mandatory.length
      ? mandatory.map((i) => ({ criterionItemId: i.id, ...(i.code === "IV.2" ? TRAFFIC_DEFAULT : { action: "", target: "" }), place: null, ...dates }))
      : [{ ...dates }],
    models: [],
  };
}

function RegistrationForm(props: { criteria: Criteria; reg?: Registration; unitId: string; unitName: string | null; collective: boolean }) {
  const { criteria, reg, collective } = props;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"save" | "send" | null>(null);
  const create = useCreateRegistration();
  const update = useUpdateRegistration(reg?.id ?? "");
  const submit = useSubmitRegistration();
  const campaign = criteria.campaign;

  const itemOptions = useMemo(
    () =>
      criteria.criteria.map((c) => ({
        label: `${c.code}. ${c.title}`,
        title: `${c.code}. ${c.title}`,
        options: c.items.map((i) => ({ value: i.id, label: `${i.code} — ${i.title}${i.mandatory ? " (bắt buộc)" : ""}` })),
      })),
    [criteria],
  );
  const mandatory = useMemo(() => criteria.criteria.flatMap((c) => c.items.filter((i) => i.mandatory)), [criteria]);
  const watched = Form.useWatch("commitments", form) as CommitmentValues[] | undefined;
  const chosen = new Set((watched ?? []).map((c) => c?.criterionItemId));
  const missing = collective ? [] : mandatory.filter((m) => !chosen.has(m.id));
  const pastDeadline = Boolean(campaign.registrationDeadline && todayInVietnam() > campaign.registrationDeadline);

  const save = async (send: boolean) => {
    setError(null);
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(send ? "send" : "save");
    const body = {
      commitments: (values.commitments ?? []).map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        criterionItemId: c.criterionItemId ?? "",
        action: c.action ?? "",
        target: c.target ?? "",
        place: blank(c.place),
        startDate: c.startDate ?? null,
        deadline: c.deadline ?? "",
      })),
      models: (values.models ?? []).map((m) => ({
        ...(m.id ? { id: m.id } : {}),
        name: m.name ?? "",
        field: (m.field ?? "") as "economy",
        address: blank(m.address),
        content: blank(m.content),
        expectedResult: blank(m.expectedResult),
        participants: blank(m.participants),
      })),
    };
    let id = reg?.id;
    try {
      if (reg) {
        await update.mutateAsync({ ...body, ...(collective && values.collectiveName ? { collectiveName: values.collectiveName } : {}) });
      } else {
        const r = await create.mutateAsync({ campaignId: campaign.id, unitId: props.unitId, collectiveName: collective ? (values.collectiveName ?? null) : null, ...body });
        id = r.id;
      }
    } catch (err) {
      setError(applyServerErrors(form, err));
      setBusy(null);
      return;
    }
    if (send && id) {
      try {
        const r = await submit.mutateAsync(id);
        void message.success(r.late ? "Đã gửi bảng đăng ký (sau hạn đăng ký)" : "Đã gửi bảng đăng ký cho Bí thư chi bộ duyệt");
      } catch (err) {
        void message.error(applyServerErrors(form, err));
      }
    } else {
      void message.success("Đã lưu bảng đăng ký (bản nháp)");
    }
    setBusy(null);
    void navigate(`/dang-ky/${id}`, { replace: true });
  };

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initialValues(criteria, reg, collective)} scrollToFirstError requiredMark="optional" onFinish={() => void save(false)}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {pastDeadline && !reg?.firstSubmittedAt && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`Đã quá hạn đăng ký (${formatViDate(campaign.registrationDeadline)}): bảng đăng ký vẫn được gửi nhưng sẽ được ghi nhận là nộp sau hạn.`} />
      )}
      {reg?.status === "returned" && reg.returnReason && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title="Bảng đăng ký bị trả lại" description={`Lý do: ${reg.returnReason}`} />
      )}

      {collective && (
        <Card style={{ marginBottom: 16 }}>
          <Form.Item name="collectiveName" label="Tên tập thể" rules={[{ required: true, whitespace: true, message: "Hãy nhập tên tập thể" }]} extra="Ví dụ: Chi bộ Trường Tiểu học Thạnh An, Hội Liên hiệp Phụ nữ xã">
            <Input maxLength={200} />
          </Form.Item>
        </Card>
      )}

      <Typography.Title level={2} className="section-title">
        Việc làm thiết thực
      </Typography.Title>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Chưa đăng ký nội dung bắt buộc: ${missing.map((m) => `${m.code} (${m.title})`).join("; ")}`}
        />
      )}
      <Form.List
        name="commitments"
        rules={[
          {
            validator: async (_, value: unknown[] | undefined) => {
              if (!value || value.length === 0) throw new Error("Cần đăng ký ít nhất một việc làm thiết thực");
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={12}>
            {fields.map((field, index) => (
              <section key={field.key} aria-label={`Việc làm ${index + 1}`}>
                <Card
                  size="small"
                  title={`Việc làm ${index + 1}`}
                  extra={
                    <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa việc làm ${index + 1}`} onClick={() => remove(field.name)} disabled={fields.length === 1} />
                  }
                >
                  <Form.Item name={[field.name, "id"]} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, "criterionItemId"]} label="Nội dung (tiêu chí)" rules={[{ required: true, message: "Hãy chọn nội dung thuộc tiêu chí" }]}>
                    <Select
                      showSearch={{ optionFilterProp: "label" }}
                      options={itemOptions}
                      placeholder="Chọn nội dung, ví dụ IV.2"
                      classNames={{ popup: { root: "wrap-options" } }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "action"]} label="Việc làm thiết thực" rules={[{ required: true, whitespace: true, message: "Hãy nhập việc làm đăng ký" }]}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "target"]} label="Chỉ tiêu (đo được)" rules={[{ required: true, whitespace: true, message: "Hãy nhập chỉ tiêu đo được" }]}>
                        <Input maxLength={500} placeholder="Ví dụ: 4 buổi/tháng, 0 lỗi vi phạm" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "place"]} label="Nơi thực hiện">
                        <Input maxLength={300} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "startDate"]} label="Ngày bắt đầu">
                        <IsoDatePicker />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "deadline"]} label="Thời hạn hoàn thành" rules={[{ required: true, message: "Hãy chọn thời hạn" }]}>
                        <IsoDatePicker />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              </section>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add(defaultDates(campaign))} style={{ alignSelf: "flex-start" }}>
              Thêm việc làm
            </Button>
          </Flex>
        )}
      </Form.List>

      <Typography.Title level={2} className="section-title" style={{ marginTop: 24 }}>
        Mô hình “Dân vận khéo” <Typography.Text type="secondary">(không bắt buộc)</Typography.Text>
      </Typography.Title>
      <Form.List name="models">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((field, index) => (
              <section key={field.key} aria-label={`Mô hình ${index + 1}`}>
                <Card
                  size="small"
                  title={`Mô hình ${index + 1}`}
                  extra={<Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa mô hình ${index + 1}`} onClick={() => remove(field.name)} />}
                >
                  <Form.Item name={[field.name, "id"]} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, "name"]} label="Tên mô hình" rules={[{ required: true, whitespace: true, message: "Hãy nhập tên mô hình" }]}>
                    <Input maxLength={300} placeholder="Ví dụ: Mô hình “Thư viện xanh” vận động học sinh không xả rác" />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "field"]} label="Lĩnh vực" rules={[{ required: true, message: "Hãy chọn lĩnh vực của mô hình" }]}>
                        <Select options={criteria.modelFields.map((f) => ({ value: f.code, label: f.label }))} placeholder="Chọn lĩnh vực" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "address"]} label="Địa chỉ thực hiện">
                        <Input maxLength={300} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item name={[field.name, "content"]} label="Nội dung mô hình">
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={3000} />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "expectedResult"]} label="Kết quả dự kiến">
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, "participants"]} label="Người tham gia">
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              </section>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} style={{ alignSelf: "flex-start" }}>
              Thêm mô hình
            </Button>
          </Flex>
        )}
      </Form.List>

      <Flex gap={8} wrap className="form-actions">
        <Button icon={<SaveOutlined aria-hidden />} onClick={() => void save(false)} loading={busy === "save"} disabled={busy !== null}>
          Lưu nháp
        </Button>
        <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={() => void save(true)} loading={busy === "send"} disabled={busy !== null}>
          Lưu và gửi duyệt
        </Button>
      </Flex>
    </Form>
  );
}

/** Creates (`/dang-ky/moi?phongtrao=…&donvi=…[&tapthe=1]`) or revises (`/dang-ky/:id/sua`) a registration sheet. */
export default function RegistrationFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const existing = useRegistration(id);
  const reg = existing.data;
  const campaignId = id ? reg?.campaign.id : params.get("phongtrao");
  const unitId = id ? reg?.unit.id : params.get("donvi");
  const collective = id ? Boolean(reg?.collectiveName) : params.get("tapthe") === "1";
  const criteria = useCampaignCriteria(campaignId);

  const title = id ? `Sửa bảng đăng ký${reg ? ` — ${reg.displayName}` : ""}` : collective ? "Đăng ký cho tập thể" : "Lập bảng đăng ký";
  const editable = !reg || reg.can.edit;
  return (
    <>
      <PageHeader title={title} back={id ? `/dang-ky/${id}` : true} subtitle={criteria.data?.campaign.name} />
      {!id && (!campaignId || !unitId) ? (
        <Alert type="error" showIcon title="Thiếu phong trào hoặc đơn vị. Hãy mở từ trang “Đăng ký của tôi”." />
      ) : (
        <QueryState isLoading={existing.isLoading || criteria.isLoading} error={existing.error ?? criteria.error} refetch={() => void criteria.refetch()}>
          {criteria.data && unitId && (!id || reg) && (
            editable ? (
              <RegistrationForm key={reg?.id ?? "new"} criteria={criteria.data} reg={reg} unitId={unitId} unitName={reg?.unit.name ?? null} collective={collective} />
            ) : (
              <Alert type="info" showIcon title="Bảng đăng ký này không sửa được (đang chờ duyệt, đã duyệt hoặc phong trào đã kết thúc)." />
            )
          )}
        </QueryState>
      )}
    </>
  );
}
