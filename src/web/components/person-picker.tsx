import { Select } from "antd";
import { useMemo, useState } from "react";
import { usePeople, type PersonSummary } from "@web/api/people";
import { useDebounced } from "@web/lib/use-debounced";

export interface PersonPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null, person: PersonSummary | null) => void;
  placeholder?: string;
  /** Only people with a current position in this unit (and below). */
  unitId?: string | null;
}

function describe(p: PersonSummary): string {
  const pos = p.currentPositions[0];
  return pos ? `${p.fullName} — ${pos.title ?? pos.roleLabel}, ${pos.unitName}` : p.fullName;
}

/** Finds a person in my scope by name (server search ignores diacritics: "mai thi xuan"). */
export function PersonPicker({ id, value, onChange, placeholder = "Gõ tên để tìm", unitId }: PersonPickerProps) {
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 250);
  const people = usePeople({ q: q || undefined, unitId, limit: 20 });
  const [picked, setPicked] = useState<PersonSummary | null>(null);

  const options = useMemo(() => {
    const items = people.data?.items ?? [];
    const list = picked && !items.some((p) => p.id === picked.id) ? [picked, ...items] : items;
    return list.map((p) => ({ value: p.id, label: describe(p), person: p }));
  }, [people.data, picked]);

  return (
    <Select<string, (typeof options)[number]>
      id={id}
      value={value ?? undefined}
      options={options}
      placeholder={placeholder}
      allowClear
      loading={people.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      notFoundContent={people.isFetching ? "Đang tìm…" : "Không tìm thấy người phù hợp"}
      onChange={(v, opt) => {
        const person = (Array.isArray(opt) ? opt[0] : opt)?.person ?? null;
        setPicked(person);
        onChange?.(v ?? null, person);
      }}
      style={{ width: "100%" }}
      optionRender={(o) => <span style={{ whiteSpace: "normal" }}>{o.label}</span>}
    />
  );
}
