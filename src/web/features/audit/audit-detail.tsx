import { POSITION_ROLE_LABELS } from "@contracts/common.js";
import { GENDER_LABELS, PERSON_CATEGORY_LABELS } from "@contracts/people.js";
import { UNIT_KIND_LABELS } from "@contracts/units.js";
import { isIsoDate } from "@domain/dates.js";
import { Typography } from "antd";
import type { ReactNode } from "react";
import type { AuditEntry } from "@web/api/audit";
import { formatViDate, formatViDateTime } from "@web/lib/format";

/** Vietnamese names of the fields audit records carry. */
const FIELD_LABELS: Record<string, string> = {
  name: "Tên gọi",
  shortName: "Tên viết tắt",
  symbolCode: "Ký hiệu",
  parentId: "Trực thuộc",
  validFrom: "Hiệu lực từ",
  validTo: "Hiệu lực đến",
  kind: "Loại đơn vị",
  code: "Mã đơn vị",
  fullName: "Họ và tên",
  gender: "Giới tính",
  birthDate: "Ngày sinh",
  categories: "Phân loại",
  phone: "Số điện thoại",
  email: "Email",
  externalCode: "Mã cán bộ, đảng viên",
  position: "Chức vụ",
  role: "Chức vụ",
  title: "Chức danh",
  startDate: "Từ ngày",
  endDate: "Đến ngày",
  reason: "Lý do",
  endReason: "Lý do kết thúc",
  unitId: "Đơn vị",
  toUnitId: "Đến đơn vị",
  fromPositionId: "Chức vụ cũ",
  positionId: "Chức vụ",
  username: "Tên đăng nhập",
  displayName: "Tên hiển thị",
  personId: "Người",
  isAdmin: "Quản trị hệ thống",
  scopes: "Phạm vi quyền",
  scope: "Quyền",
  disabled: "Đã khóa",
  lastDay: "Ngày hoạt động cuối",
  effectiveDate: "Ngày hiệu lực",
  date: "Ngày",
  id: "Mã",
};

/** Internal keys that mean nothing to a reader. */
const HIDDEN = new Set(["id", "positionId", "fromPositionId", "sortKey", "searchKey", "passwordHash", "createdAt", "updatedAt", "createdBy"]);

/** Some records keep database column names ("full_name"): read them as the API's ("fullName"). */
function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type NameLookup = (id: string) => string | undefined;

function formatValue(key: string, v: unknown, names: NameLookup): ReactNode {
  if (v === null || v === undefined || v === "") return <Typography.Text type="secondary">—</Typography.Text>;
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (typeof v === "string") {
    if (key === "role") return (POSITION_ROLE_LABELS as Record<string, string>)[v] ?? v;
    if (key === "gender") return (GENDER_LABELS as Record<string, string>)[v] ?? v;
    if (key === "kind") return (UNIT_KIND_LABELS as Record<string, string>)[v] ?? v;
    if (key === "scope") return v === "manage" ? "Quản lý" : v === "view" ? "Xem" : v;
    if (isIsoDate(v)) return formatViDate(v);
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatViDateTime(v);
    if (UUID.test(v)) {
      const n = names(v);
      return n ?? <Typography.Text type="secondary" title={v} style={{ fontSize: 12 }}>{`#${v.slice(0, 8)}`}</Typography.Text>;
    }
    return v;
  }
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    if (key === "categories") return v.map((c) => (PERSON_CATEGORY_LABELS as Record<string, string>)[String(c)] ?? String(c)).join(", ");
    if (!v.length) return <Typography.Text type="secondary">—</Typography.Text>;
    if (key === "scopes") {
      return (
        <>
          {v.map((s, i) => {
            const o = (s ?? {}) as { unitId?: string; unitName?: string; scope?: string };
            const unit = o.unitName ?? (o.unitId ? (names(o.unitId) ?? `#${o.unitId.slice(0, 8)}`) : "");
            return <div key={i}>{`${o.scope === "manage" ? "Quản lý" : "Xem"} · ${unit}`}</div>;
          })}
        </>
      );
    }
    return (
      <>
        {v.map((x, i) => (
          <div key={i}>{formatValue(key, x, names)}</div>
        ))}
      </>
    );
  }
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => [camel(k), x] as const)
      .filter(([k]) => !HIDDEN.has(k));
    return (
      <>
        {entries.map(([k, x]) => (
          <div key={k}>
            <Typography.Text type="secondary">{FIELD_LABELS[k] ?? k}: </Typography.Text>
            {formatValue(k, x, names)}
          </div>
        ))}
      </>
    );
  }
  return String(v);
}

function asRecord(v: unknown): Record<string, unknown> | null {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [camel(k), x]));
}

/** Before/after of one audit record as a readable table, changed fields highlighted. */
export function AuditDetail({ entry, names }: { entry: AuditEntry; names: NameLookup }) {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const footer = (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: "block", marginTop: 8 }}>
      {entry.ip ? `Địa chỉ IP: ${entry.ip}` : ""}
    </Typography.Text>
  );
  if (!before && !after) {
    if (entry.before === null && entry.after === null) {
      return (
        <>
          <Typography.Text type="secondary">Không có dữ liệu thay đổi.</Typography.Text>
          {footer}
        </>
      );
    }
    return (
      <>
        <pre className="json-raw">{JSON.stringify({ trước: entry.before, sau: entry.after }, null, 2)}</pre>
        {footer}
      </>
    );
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
  const both = Boolean(before && after);
  return (
    <>
      <div style={{ overflowX: "auto" }}>
        <table className="json-diff">
          <thead>
            <tr>
              <th scope="col">Trường</th>
              {before && <th scope="col">{both ? "Trước" : "Giá trị cũ"}</th>}
              {after && <th scope="col">{both ? "Sau" : "Giá trị"}</th>}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const changed = both && JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]);
              return (
                <tr key={k} className={changed ? "changed" : undefined}>
                  <th scope="row">{FIELD_LABELS[k] ?? k}</th>
                  {before && <td>{formatValue(k, before[k], names)}</td>}
                  {after && <td>{formatValue(k, after[k], names)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {footer}
    </>
  );
}
