import { PERSON_CATEGORY_LABELS } from "@contracts/people.js";
import { UNIT_KIND_LABELS, type UnitKind } from "@contracts/units.js";
import { Tag } from "antd";

const CATEGORY_COLORS: Record<string, string> = {
  cadre: "volcano",
  party_member: "red",
  civil_servant: "blue",
  public_employee: "geekblue",
  teacher: "green",
  staff: "default",
};

/** Vietnamese tags for a person's categories (Đảng viên, Giáo viên…). */
export function CategoryTags({ categories }: { categories: readonly string[] }) {
  if (!categories.length) return null;
  return (
    <span className="tag-row">
      {categories.map((c) => (
        <Tag key={c} color={CATEGORY_COLORS[c] ?? "default"}>
          {(PERSON_CATEGORY_LABELS as Record<string, string>)[c] ?? c}
        </Tag>
      ))}
    </span>
  );
}

const KIND_COLORS: Partial<Record<UnitKind, string>> = {
  provincial_party_committee: "red",
  district_party_committee: "volcano",
  commune_party_committee: "orange",
  party_cell: "gold",
  mass_mobilization_office: "purple",
  peoples_committee: "blue",
  fatherland_front: "cyan",
  mass_organization: "green",
  hamlet: "default",
};

export function UnitKindTag({ kind, label }: { kind: string; label?: string }) {
  return <Tag color={KIND_COLORS[kind as UnitKind] ?? "default"}>{label ?? UNIT_KIND_LABELS[kind as UnitKind] ?? kind}</Tag>;
}

export const SCOPE_LABELS = { manage: "Quản lý", view: "Xem" } as const;

/** "Quản lý · Chi bộ …" or "Xem · Đảng ủy xã …". */
export function ScopeTag({ scope, unitName }: { scope: "manage" | "view"; unitName?: string }) {
  return (
    <Tag color={scope === "manage" ? "red" : "blue"} style={{ whiteSpace: "normal" }}>
      {SCOPE_LABELS[scope]}
      {unitName ? ` · ${unitName}` : ""}
    </Tag>
  );
}
