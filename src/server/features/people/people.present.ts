import { POSITION_ROLE_LABELS, type POSITION_ROLES } from "@contracts/common.js";
import { canManage, type Actor } from "../../http/actor.js";
import type { PersonRow, PositionRow } from "./people.queries.js";

const roleLabel = (r: string) => POSITION_ROLE_LABELS[r as (typeof POSITION_ROLES)[number]] ?? r;

export function presentPersonSummary(p: PersonRow, current: PositionRow[]) {
  return {
    id: p.id,
    fullName: p.full_name,
    gender: p.gender,
    birthDate: p.birth_date,
    categories: p.categories,
    currentPositions: current.map((c) => ({ unitId: c.unit_id, unitName: c.unit_name, role: c.role, roleLabel: roleLabel(c.role), title: c.title })),
  };
}

export function presentPersonDetail(p: PersonRow, positions: PositionRow[], actor: Actor, canManagePerson: boolean) {
  return {
    id: p.id,
    fullName: p.full_name,
    gender: p.gender,
    birthDate: p.birth_date,
    categories: p.categories,
    phone: p.phone,
    email: p.email,
    externalCode: p.external_code,
    canManage: canManagePerson,
    positions: positions.map((x) => ({
      id: x.id,
      unitId: x.unit_id,
      unitName: x.unit_name,
      role: x.role,
      roleLabel: roleLabel(x.role),
      title: x.title,
      startDate: x.start_date,
      endDate: x.end_date,
      endReason: x.end_reason,
      canManage: canManage(actor, x.unit_id),
    })),
  };
}
