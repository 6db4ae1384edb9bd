import { AUDIT_ACTION_LABELS } from "@contracts/audit.js";
import { searchKey } from "@domain/vietnamese-text.js";
import { DownOutlined, UpOutlined } from "@ant-design/icons";
import { Button, Card, Col, Input, Row, Select, Tag, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useAudit, type AuditEntry } from "@web/api/audit";
import { useUnitTree } from "@web/api/units";
import { DataView } from "@web/components/data-view";
import { LoadMore } from "@web/components/load-more";
import { IsoRangePicker } from "@web/components/iso-date-picker";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { UnitTreeSelect } from "@web/components/unit-tree-select";
import { formatViDateTime } from "@web/lib/format";
import { useDebounced } from "@web/lib/use-debounced";
import { AuditDetail } from "./audit-detail";

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));

function actionColor(action: string): string {
  if (action.startsWith("auth.")) return "default";
  if (action.endsWith(".create")) return "green";
  if (action.endsWith(".end") || action.endsWith(".disable") || action.endsWith("_failed")) return "red";
  return "blue";
}

function PhoneEntry({ e, names }: { e: AuditEntry; names: (id: string) => string | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="card-row">
        <Tag color={actionColor(e.action)} style={{ marginInlineEnd: 0 }}>
          {e.actionLabel}
        </Tag>
        <span className="card-meta">{formatViDateTime(e.at)}</span>
      </div>
      <div style={{ marginTop: 4 }}>
        <Typography.Text strong>{e.actorUsername ?? "Hệ thống"}</Typography.Text>
        {e.unitName && <span className="card-meta"> · {e.unitName}</span>}
      </div>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(!open)} icon={open ? <UpOutlined aria-hidden /> : <DownOutlined aria-hidden />} iconPlacement="end">
        {open ? "Ẩn chi tiết" : "Xem chi tiết"}
      </Button>
      {open && (
        <div style={{ marginTop: 8 }}>
          <AuditDetail entry={e} names={names} />
        </div>
      )}
    </>
  );
}

/** Who did what, when, in which unit — filtered by unit, action, user and dates. */
export default function AuditPage() {
  const [unitId, setUnitId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [actorText, setActorText] = useState("");
  const actor = useDebounced(actorText.trim(), 300);
  const [range, setRange] = useState<[string | null, string | null] | null>(null);

  const audit = useAudit({ unitId, action, actor: actor || null, from: range?.[0] ?? null, to: range?.[1] ?? null });
  const tree = useUnitTree();
  const unitNames = useMemo(() => new Map((tree.data?.units ?? []).map((u) => [u.id, u.name])), [tree.data]);
  const names = useCallback((id: string) => unitNames.get(id), [unitNames]);

  return (
    <>
      <PageHeader title="Nhật ký thao tác" subtitle="Mọi thay đổi dữ liệu đều được ghi lại: ai làm, lúc nào, trong đơn vị nào." />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={12} xl={6}>
            <label htmlFor="audit-unit" className="field-label">
              Đơn vị
            </label>
            <UnitTreeSelect id="audit-unit" value={unitId} onChange={setUnitId} allowClear placeholder="Tất cả đơn vị" />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <label htmlFor="audit-action" className="field-label">
              Thao tác
            </label>
            <Select
              id="audit-action"
              value={action ?? undefined}
              onChange={(v?: string) => setAction(v ?? null)}
              options={ACTION_OPTIONS}
              allowClear
              showSearch={{ filterOption: (input, o) => searchKey(o?.label ?? "").includes(searchKey(input)) }}
              placeholder="Tất cả thao tác"
              style={{ width: "100%" }}
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <label htmlFor="audit-actor" className="field-label">
              Người thực hiện
            </label>
            <Input
              id="audit-actor"
              allowClear
              placeholder="Tên đăng nhập"
              value={actorText}
              onChange={(e) => setActorText(e.target.value)}
              autoCapitalize="none"
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <label htmlFor="audit-range" className="field-label">
              Khoảng thời gian
            </label>
            <IsoRangePicker id="audit-range" value={range} onChange={setRange} />
          </Col>
        </Row>
        <QueryState isLoading={false} error={audit.error} refetch={audit.refetch}>
          <DataView<AuditEntry>
            label="Nhật ký thao tác"
            rows={audit.data?.pages.flatMap((p) => p.items)}
            rowKey="id"
            loading={audit.isFetching}
            emptyText="Không có thao tác nào phù hợp"
            columns={[
              { title: "Thời gian", dataIndex: "at", render: (v: string) => <span style={{ whiteSpace: "nowrap" }}>{formatViDateTime(v)}</span> },
              { title: "Người thực hiện", dataIndex: "actorUsername", render: (v: string | null) => v ?? "Hệ thống" },
              { title: "Thao tác", dataIndex: "actionLabel", render: (v: string, e) => <Tag color={actionColor(e.action)}>{v}</Tag> },
              { title: "Đơn vị", dataIndex: "unitName", render: (v: string | null) => v ?? "—" },
            ]}
            expandable={{
              expandedRowRender: (e) => <AuditDetail entry={e} names={names} />,
              expandRowByClick: true,
            }}
            renderCard={(e) => <PhoneEntry e={e} names={names} />}
          />
          <LoadMore q={audit} />
        </QueryState>
      </Card>
    </>
  );
}
