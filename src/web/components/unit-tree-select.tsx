import { searchKey } from "@domain/vietnamese-text.js";
import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useUnitTree, type Unit } from "@web/api/units";
import { buildUnitTree, type UnitTreeNode } from "@web/lib/unit-tree";

interface Option {
  value: string;
  title: string;
  searchText: string;
  children: Option[];
}

function toOptions(nodes: UnitTreeNode[]): Option[] {
  return nodes.map((n) => ({
    value: n.unit.id,
    title: n.unit.name,
    searchText: searchKey(`${n.unit.name} ${n.unit.shortName ?? ""}`),
    children: toOptions(n.children),
  }));
}

export interface UnitTreeSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Only these units are offered (e.g. those I manage); a unit whose parent is left out becomes a root. */
  filter?: (u: Unit) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Tree at this date (default today). */
  asOf?: string | null;
  "aria-label"?: string;
  /** Units to offer although they are not in my tree (e.g. the current parent, outside my scope). */
  extraOptions?: { id: string; name: string }[];
}

/** Picks a unit from the tree visible to me; typing filters ignoring diacritics ("thieng lieng"). */
export function UnitTreeSelect({ id, value, onChange, filter, placeholder = "Chọn đơn vị", allowClear, disabled, asOf, extraOptions, ...aria }: UnitTreeSelectProps) {
  const tree = useUnitTree(asOf);
  const options = useMemo(() => {
    const units = tree.data?.units ?? [];
    const options = toOptions(buildUnitTree(filter ? units.filter(filter) : units));
    const extra = (extraOptions ?? [])
      .filter((e) => !units.some((u) => u.id === e.id && (!filter || filter(u))))
      .map((e) => ({ value: e.id, title: e.name, searchText: searchKey(e.name), children: [] }));
    return [...extra, ...options];
  }, [tree.data, filter, extraOptions]);

  return (
    <TreeSelect<string>
      id={id}
      aria-label={aria["aria-label"]}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={options}
      fieldNames={{ label: "title", value: "value", children: "children" }}
      loading={tree.isLoading}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{
        filterTreeNode: (input, node) => (node as unknown as Option).searchText.includes(searchKey(input)),
      }}
      treeDefaultExpandAll
      notFoundContent="Không có đơn vị phù hợp"
      style={{ width: "100%" }}
      popupMatchSelectWidth={false}
      classNames={{ popup: { root: "unit-tree-select-popup" } }}
      listHeight={320}
    />
  );
}
