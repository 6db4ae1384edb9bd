import { POSITION_ROLE_LABELS, type POSITION_ROLES } from "@contracts/common.js";
import { UNIT_KIND_LABELS, type UnitKind, type UnitNode } from "@contracts/units.js";
import { canManage, canRestructure, canViewStaff, type Actor } from "../../http/actor.js";
import type { UnitVersionRow, VersionRow } from "./units.queries.js";

export function presentUnit(row: UnitVersionRow, actor: Actor): UnitNode {
  return {
    id: row.id,
    kind: row.kind as UnitKind,
    kindLabel: UNIT_KIND_LABELS[row.kind as UnitKind],
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    symbolCode: row.symbol_code,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    memberCount: row.member_count,
    canManage: canManage(actor, row.id),
    canViewStaff: canViewStaff(actor, row.id),
    canRestructure: canRestructure(actor, row.parent_id),
  };
}

export function presentVersion(v: VersionRow) {
  return {
    id: v.id,
    name: v.name,
    shortName: v.short_name,
    symbolCode: v.symbol_code,
    parentId: v.parent_id,
    parentName: v.parent_name,
    validFrom: v.valid_from,
    validTo: v.valid_to,
  };
}

export function presentMember(m: { position_id: string; person_id: string; full_name: string; role: string; title: string | null; start_date: string; end_date: string | null }) {
  return {
    positionId: m.position_id,
    personId: m.person_id,
    fullName: m.full_name,
    role: m.role,
    roleLabel: POSITION_ROLE_LABELS[m.role as (typeof POSITION_ROLES)[number]] ?? m.role,
    title: m.title,
    startDate: m.start_date,
    endDate: m.end_date,
  };
}
