import { CheckOutlined, CopyOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Checkbox, Col, Collapse, Flex, Form, Input, InputNumber, Popconfirm, Row, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useCreateCriteriaSet, useCriteriaSet, usePublishCriteriaSet, useUpdateCriteriaSet, type CriteriaSetDetailData } from "@web/api/campaigns";
import { errorMessage } from "@web/api/client";
import { FormModal } from "@web/components/form-modal";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { applyServerErrors } from "@web/lib/form-errors";
import { formatViDateTime, todayInVietnam } from "@web/lib/format";
import { usePageTitle } from "@web/lib/use-page-title";

type Criterion = CriteriaSetDetailData["criteria"][number];

interface ItemValues {
  code: string;
  title: string;
  guidance?: string | null;
  mandatory?: boolean;
  mandatoryForUnits?: boolean;
  points?: number | null;
}
interface CriterionValues {
  code: string;
  title: string;
  description?: string | null;
  points?: number | null;
  items: ItemValues[];
}
interface SetValues {
  name: string;
  code: string;
  legalBasis?: string | null;
  source?: string | null;
  criteria: CriterionValues[];
}

function ItemTags({ mandatory, mandatoryForUnits, points }: { mandatory: boolean; mandatoryForUnits: boolean; points: number | null }) {
  return (
    <>
      {mandatory && <Tag color="red">Bắt buộc với mọi đảng viên</Tag>}
      {mandatoryForUnits && <Tag color="volcano">Bắt buộc với từng đơn vị</Tag>}
      {points !== null && <Tag color="blue">{points} điểm</Tag>}
    </>
  );
}

/** The set as members read it: criteria with their sub-items and the guidance. */
function CriteriaReadView({ d }: { d: CriteriaSetDetailData }) {
  return (
    <Collapse
      defaultActiveKey={d.criteria.map((c) => c.id)}
      items={d.criteria.map((c: Criterion) => ({
        key: c.id,
        label: (
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>
              {c.code}. {c.title}
            </Typography.Text>
            {c.points !== null && <Tag color="blue">{c.points} điểm</Tag>}
          </Flex>
        ),
        children: (
          <Flex vertical gap={14}>
            {c.description && <Typography.Text type="secondary">{c.description}</Typography.Text>}
            {c.items.map((i) => (
              <div key={i.id}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>
                    {i.code}. {i.title}
                  </Typography.Text>
                  <ItemTags mandatory={i.mandatory} mandatoryForUnits={i.mandatoryForUnits} points={i.points} />
                </Flex>
                {i.guidance && (
                  <Typography.Paragraph style={{ margin: "4px 0 0", whiteSpace: "pre-line" }} ellipsis={{ rows: 3, expandable: "collapsible", symbol: (open) => (open ? "Thu gọn" : "Xem thêm") }}>
                    {i.guidance}
                  </Typography.Paragraph>
                )}
              </div>
            ))}
          </Flex>
        ),
      }))}
    />
  );
}

function toValues(d: CriteriaSetDetailData): SetValues {
  return {
    name: d.name,
    code: d.code ?? "",
    legalBasis: d.legalBasis,
    source: d.source,
    criteria: d.criteria.map((c) => ({
      code: c.code,
      title: c.title,
      description: c.description,
      points: c.points,
      items: c.items.map((i) => ({ code: i.code, title: i.title, guidance: i.guidance, mandatory: i.mandatory, mandatoryForUnits: i.mandatoryForUnits, points: i.points })),
    })),
  };
}

/** The committee's editor of a draft set: every criterion and sub-item, saved at once. */
function CriteriaEditor({ d, onDone }: { d: CriteriaSetDetailData; onDone: () => void }) {
  const [form] = Form.useForm<SetValues>();
  const update = useUpdateCriteriaSet(d.id);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const save = async (v: SetValues) => {
    setError(null);
    try {
      await update.mutateAsync({
        name: v.name,
        code: v.code,
        legalBasis: v.legalBasis || null,
        source: v.source || null,
        criteria: (v.criteria ?? []).map((c) => ({
          code: c.code,
          title: c.title,
          description: c.description || null,
          points: c.points ?? null,
          items: (c.items ?? []).map((i) => ({
            code: i.code,
            title: i.title,
            guidance: i.guidance || null,
            mandatory: Boolean(i.mandatory),
            mandatoryForUnits: Boolean(i.mandatoryForUnits),
            points: i.points ?? null,
          })),
        })),
      });
      void message.success("Đã lưu bộ tiêu chí");
      onDone();
    } catch (err) {
      setError(applyServerErrors(form, err));
    }
  };
  return (
    <Form<SetValues> form={form} layout="vertical" initialValues={toValues(d)} onFinish={(v) => void save(v)} scrollToFirstError>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Card title="Thông tin chung" style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label="Tên bộ tiêu chí" name="name" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập tên" }]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Mã bộ tiêu chí" name="code" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập mã" }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Cơ quan ban hành hướng dẫn" name="legalBasis">
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item label="Nguồn (văn bản hướng dẫn)" name="source">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Card>
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <Flex vertical gap={16}>
            {fields.map((f, ci) => (
              <Card
                key={f.key}
                size="small"
                title={`Tiêu chí ${ci + 1}`}
                extra={
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa tiêu chí ${ci + 1}`} onClick={() => remove(f.name)} />
                }
              >
                <Row gutter={12}>
                  <Col xs={8} md={4}>
                    <Form.Item label={`Mã tiêu chí ${ci + 1}`} name={[f.name, "code"]} rules={[{ required: true, message: "Nhập mã" }]}>
                      <Input maxLength={10} />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={16}>
                    <Form.Item label={`Tên tiêu chí ${ci + 1}`} name={[f.name, "title"]} rules={[{ required: true, whitespace: true, message: "Nhập tên tiêu chí" }]}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item label={`Điểm tiêu chí ${ci + 1}`} name={[f.name, "points"]}>
                      <InputNumber min={0} max={1000} style={{ width: "100%" }} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item label={`Mô tả tiêu chí ${ci + 1}`} name={[f.name, "description"]}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                </Form.Item>
                <Form.List name={[f.name, "items"]}>
                  {(items, ops) => (
                    <Flex vertical gap={12}>
                      {items.map((it, ii) => (
                        <div key={it.key} className="criteria-item-editor" style={{ borderLeft: "3px solid #f0f0f0", paddingLeft: 12 }}>
                          <Row gutter={12}>
                            <Col xs={8} md={4}>
                              <Form.Item label={`Mã nội dung ${ci + 1}.${ii + 1}`} name={[it.name, "code"]} rules={[{ required: true, message: "Nhập mã" }]}>
                                <Input maxLength={20} />
                              </Form.Item>
                            </Col>
                            <Col xs={16} md={16}>
                              <Form.Item label={`Tên nội dung ${ci + 1}.${ii + 1}`} name={[it.name, "title"]} rules={[{ required: true, whitespace: true, message: "Nhập tên nội dung" }]}>
                                <Input maxLength={500} />
                              </Form.Item>
                            </Col>
                            <Col xs={24} md={4}>
                              <Form.Item label={`Điểm nội dung ${ci + 1}.${ii + 1}`} name={[it.name, "points"]}>
                                <InputNumber min={0} max={1000} style={{ width: "100%" }} />
                              </Form.Item>
                            </Col>
                          </Row>
                          <Form.Item label={`Hướng dẫn nội dung ${ci + 1}.${ii + 1}`} name={[it.name, "guidance"]}>
                            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
                          </Form.Item>
                          <Flex gap={16} wrap align="center" justify="space-between">
                            <Flex gap={16} wrap>
                              <Form.Item name={[it.name, "mandatory"]} valuePropName="checked" noStyle>
                                <Checkbox>Mọi đảng viên phải đăng ký</Checkbox>
                              </Form.Item>
                              <Form.Item name={[it.name, "mandatoryForUnits"]} valuePropName="checked" noStyle>
                                <Checkbox>Từng đơn vị phải đăng ký</Checkbox>
                              </Form.Item>
                            </Flex>
                            <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={() => ops.remove(it.name)}>
                              Xóa nội dung {ci + 1}.{ii + 1}
                            </Button>
                          </Flex>
                        </div>
                      ))}
                      <Button icon={<PlusOutlined aria-hidden />} onClick={() => ops.add({ code: "", title: "", mandatory: false, mandatoryForUnits: false })} style={{ alignSelf: "flex-start" }}>
                        Thêm nội dung vào tiêu chí {ci + 1}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ code: "", title: "", items: [] })} style={{ alignSelf: "flex-start" }}>
              Thêm tiêu chí
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex gap={8} wrap style={{ marginTop: 16, position: "sticky", bottom: 0, background: "#fff", padding: "12px 0", zIndex: 2 }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={update.isPending}>
          Lưu bộ tiêu chí
        </Button>
        <Button onClick={onDone}>Hủy</Button>
      </Flex>
    </Form>
  );
}

/** "Tạo phiên bản mới": copy this set for a year, as a draft the committee then edits. */
function NewVersionModal({ d, open, onClose }: { d: CriteriaSetDetailData; open: boolean; onClose: () => void }) {
  const create = useCreateCriteriaSet();
  const navigate = useNavigate();
  const year = Number(todayInVietnam().slice(0, 4)) + 1;
  return (
    <FormModal<{ year: number; name: string }>
      title="Tạo phiên bản bộ tiêu chí cho một năm"
      open={open}
      onClose={onClose}
      okText="Tạo phiên bản"
      successMessage="Đã tạo bản dự thảo"
      initialValues={{ year, name: d.name.replace(/\d{4}$/, String(year)) }}
      onSubmit={async (v) => {
        const r = await create.mutateAsync({ basedOnSetId: d.id, year: v.year, name: v.name.trim() });
        void navigate(`/bo-tieu-chi/${r.id}`);
      }}
    >
      <Typography.Paragraph type="secondary">Bản mới sao chép toàn bộ tiêu chí và nội dung của “{d.name}”, ở trạng thái dự thảo để cấp ủy chỉnh sửa rồi ban hành.</Typography.Paragraph>
      <Form.Item label="Năm áp dụng" name="year" rules={[{ required: true, message: "Vui lòng nhập năm" }]}>
        <InputNumber min={2000} max={2100} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="Tên bộ tiêu chí" name="name" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập tên" }]}>
        <Input maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

function CriteriaSetView({ d }: { d: CriteriaSetDetailData }) {
  usePageTitle(d.name);
  const [editing, setEditing] = useState(false);
  const [versioning, setVersioning] = useState(false);
  const publish = usePublishCriteriaSet(d.id);
  const { message } = App.useApp();
  const items = d.criteria.flatMap((c) => c.items);
  return (
    <>
      <PageHeader
        back="/bo-tieu-chi"
        title={d.name}
        subtitle={`${d.issuingUnitName} · năm ${d.year}${d.basedOnSetName ? ` · kế thừa “${d.basedOnSetName}”` : ""}`}
        tags={
          <>
            <Tag color={d.status === "published" ? "green" : "gold"}>{d.statusLabel}</Tag>
            {d.code && <Tag>{d.code}</Tag>}
          </>
        }
        extra={
          !editing && (
            <>
              {d.abilities.canEdit && (
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                  Sửa nội dung
                </Button>
              )}
              {d.abilities.canPublish && (
                <Popconfirm
                  title="Ban hành bộ tiêu chí?"
                  description="Sau khi ban hành, bộ tiêu chí chỉ được xem và có thể dùng cho phong trào."
                  okText="Ban hành"
                  cancelText="Hủy"
                  onConfirm={() =>
                    publish.mutateAsync(undefined).then(
                      () => void message.success("Đã ban hành bộ tiêu chí"),
                      (e: unknown) => void message.error(errorMessage(e)),
                    )
                  }
                >
                  <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={publish.isPending}>
                    Ban hành
                  </Button>
                </Popconfirm>
              )}
              {d.abilities.canCreateVersion && (
                <Button icon={<CopyOutlined aria-hidden />} onClick={() => setVersioning(true)}>
                  Tạo phiên bản mới
                </Button>
              )}
            </>
          )
        }
      />
      <NewVersionModal d={d} open={versioning} onClose={() => setVersioning(false)} />
      {editing ? (
        <CriteriaEditor d={d} onDone={() => setEditing(false)} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small">
            <Flex gap={24} wrap>
              <span>
                <Typography.Text type="secondary">Tiêu chí: </Typography.Text>
                {d.criteria.length}
              </span>
              <span>
                <Typography.Text type="secondary">Nội dung: </Typography.Text>
                {items.length}
              </span>
              <span>
                <Typography.Text type="secondary">Bắt buộc với mọi đảng viên: </Typography.Text>
                {items.filter((i) => i.mandatory).map((i) => i.code).join(", ") || "không"}
              </span>
              {d.publishedAt && (
                <span>
                  <Typography.Text type="secondary">Ban hành: </Typography.Text>
                  {formatViDateTime(d.publishedAt)}
                </span>
              )}
            </Flex>
            {d.source && (
              <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
                {d.source}
              </Typography.Paragraph>
            )}
            {d.campaigns.length > 0 && (
              <div style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">Dùng cho: </Typography.Text>
                {d.campaigns.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && "; "}
                    <Link to={`/phong-trao/${c.id}`}>{c.name}</Link>
                  </span>
                ))}
              </div>
            )}
          </Card>
          {d.status === "draft" && d.abilities.canEdit && (
            <Alert type="info" showIcon title="Bộ tiêu chí đang là dự thảo: sửa nội dung rồi bấm “Ban hành” để các phong trào dùng được." />
          )}
          <CriteriaReadView d={d} />
        </Flex>
      )}
    </>
  );
}

export default function CriteriaSetPage() {
  const { id } = useParams();
  const q = useCriteriaSet(id);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {q.data && <CriteriaSetView d={q.data} />}
    </QueryState>
  );
}
