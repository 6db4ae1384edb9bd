import { TeamOutlined } from "@ant-design/icons";
import { useQueries } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, Input, Tree, Typography, type TreeDataNode } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { api } from "@web/api/client";
import { useUnitTree, type Unit, type UnitDetailData } from "@web/api/units";
import { IsoDatePicker } from "@web/components/iso-date-picker";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { UnitKindTag } from "@web/components/tags";
import { formatRange, formatViDate, todayInVietnam } from "@web/lib/format";
import { allIds, buildUnitTree, filterUnitTree, type UnitTreeNode } from "@web/lib/unit-tree";
import { asOfSuffix, useAsOf } from "./as-of";

function UnitTitle({ unit, asOf, parentName }: { unit: Unit; asOf: string | null; parentName?: string | null }) {
  const navigate = useNavigate();
  const to = `/to-chuc/${unit.id}${asOfSuffix(asOf)}`;
  return (
    <div className="unit-node" onClick={() => void navigate(to)}>
      {parentName && <span className="unit-node-parent">Trực thuộc: {parentName}</span>}
      <Link className="unit-node-name" to={to} onClick={(e) => e.stopPropagation()}>
        {unit.name}
      </Link>
      <span className="unit-node-meta">
        <UnitKindTag kind={unit.kind} label={unit.kindLabel} />
        <span title="Ký hiệu viết tắt">{unit.symbolCode}</span>
        <span title="Hiệu lực của tên gọi và trực thuộc này">{formatRange(unit.validFrom, unit.validTo)}</span>
        <span title="Số thành viên">
          <TeamOutlined aria-hidden /> {unit.memberCount} người
        </span>
      </span>
    </div>
  );
}

function toTreeData(nodes: UnitTreeNode[], asOf: string | null, parentNames: Map<string, string | null>): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.unit.id,
    title: <UnitTitle unit={n.unit} asOf={asOf} parentName={parentNames.get(n.unit.id)} />,
    children: toTreeData(n.children, asOf, new Map()),
  }));
}

/** The organisation tree visible to me, at today's date or any past date. */
export default function UnitTreePage() {
  const [asOf, setAsOf] = useAsOf();
  const [search, setSearch] = useState("");
  const tree = useUnitTree(asOf);
  const units = useMemo(() => tree.data?.units ?? [], [tree.data]);
  const roots = useMemo(() => buildUnitTree(units), [units]);
  const shown = useMemo(() => filterUnitTree(roots, search), [roots, search]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());

  // Roots whose parent is outside my scope: say what they belong to (at that date).
  const orphanRoots = roots.filter((r) => r.unit.parentId);
  const parents = useQueries({
    queries: orphanRoots.map((r) => ({
      queryKey: ["units", "detail", r.unit.id, asOf],
      queryFn: () => api<UnitDetailData>(`/api/units/${r.unit.id}`, { query: { asOf } }),
      staleTime: 60_000,
    })),
  });
  const parentNames = new Map<string, string | null>();
  orphanRoots.forEach((r, i) => parentNames.set(r.unit.id, parents[i]?.data?.parentName ?? null));

  const expandedKeys = allIds(shown).filter((id) => search || !collapsed.has(id));

  return (
    <>
      <PageHeader title="Cây tổ chức" subtitle="Các đơn vị trong phạm vi của bạn; chọn một đơn vị để xem chi tiết." />
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <Flex gap={12} wrap align="flex-end" style={{ marginBottom: 16 }}>
          <div style={{ flex: "1 1 240px" }}>
            <label htmlFor="unit-search" className="field-label">
              Tìm đơn vị
            </label>
            <Input.Search id="unit-search" allowClear placeholder="Gõ tên, không cần dấu" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <div style={{ flex: "0 1 200px", minWidth: 160 }}>
            <label htmlFor="unit-as-of" className="field-label">
              Xem tại ngày
            </label>
            <IsoDatePicker id="unit-as-of" value={asOf ?? todayInVietnam()} onChange={(d) => setAsOf(d)} allowClear={false} />
          </div>
          {asOf && <Button onClick={() => setAsOf(null)}>Hôm nay</Button>}
        </Flex>
        {asOf && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Đang xem cây tổ chức tại ngày ${formatViDate(asOf)}: tên gọi và quan hệ trực thuộc theo thời điểm đó.`}
          />
        )}
        <QueryState isLoading={tree.isLoading} error={tree.error} refetch={tree.refetch}>
          {shown.length === 0 ? (
            <Empty description={search ? "Không có đơn vị phù hợp" : "Không có đơn vị nào trong phạm vi của bạn tại ngày này"} />
          ) : (
            <Tree
              className="unit-tree"
              aria-label="Cây tổ chức"
              blockNode
              showLine={{ showLeafIcon: false }}
              selectable={false}
              treeData={toTreeData(shown, asOf, parentNames)}
              expandedKeys={expandedKeys}
              onExpand={(_, info) => {
                const key = String(info.node.key);
                setCollapsed((prev) => {
                  const next = new Set(prev);
                  if (info.expanded) next.delete(key);
                  else next.add(key);
                  return next;
                });
              }}
            />
          )}
        </QueryState>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 12, marginBottom: 0 }}>
          {units.length} đơn vị{tree.data ? ` · tại ngày ${formatViDate(tree.data.asOf)}` : ""}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
