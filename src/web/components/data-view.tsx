import { Card, Checkbox, Empty, Flex, Pagination, Spin, Table, type TableProps } from "antd";
import type { ReactNode } from "react";
import { useIsPhone } from "@web/lib/use-media";

export interface DataViewPagination {
  current: number;
  pageSize: number;
  total: number;
  /** The server stopped counting at `total`: the count reads "more than". */
  totalCapped?: boolean;
  onChange: (page: number, pageSize: number) => void;
}

export interface DataViewProps<T extends object> {
  rows: readonly T[] | undefined;
  rowKey: keyof T & string;
  columns: NonNullable<TableProps<T>["columns"]>;
  /** Card body for one row on phones; without it phones get the table, scrolling sideways. */
  renderCard?: (row: T) => ReactNode;
  loading?: boolean;
  pagination?: DataViewPagination | false;
  /** Accessible name of the table / list ("Danh sách cán bộ, đảng viên"). */
  label: string;
  emptyText?: string;
  expandable?: TableProps<T>["expandable"];
  size?: TableProps<T>["size"];
  /** Buttons above the data (the later "Xuất Excel" goes here). */
  toolbar?: ReactNode;
  /** Table width before it scrolls sideways; a number lets long cells wrap, "max-content" never wraps. */
  scrollX?: number | "max-content";
  /** Rows picked for a bulk action: a checkbox per row (table column on desktop, top of the card on phones). */
  selection?: DataViewSelection<T>;
}

export interface DataViewSelection<T> {
  /** Keys (values of `rowKey`) of the picked rows. */
  selected: readonly string[];
  onChange: (keys: string[]) => void;
  /** Rows that can be picked; the others have no checkbox to tick. */
  selectable: (row: T) => boolean;
  /** Accessible name of a row's checkbox, e.g. "Chọn Nguyễn Văn An". */
  label: (row: T) => string;
}

/** The phone's "select all" line and each card's checkbox. */
function PhoneSelectAll<T extends object>({ rows, rowKey, selection }: { rows: readonly T[]; rowKey: keyof T & string; selection: DataViewSelection<T> }) {
  const keys = rows.filter(selection.selectable).map((r) => String(r[rowKey]));
  if (keys.length === 0) return null;
  const picked = keys.filter((k) => selection.selected.includes(k)).length;
  return (
    <Checkbox
      style={{ marginBottom: 8 }}
      checked={picked === keys.length}
      indeterminate={picked > 0 && picked < keys.length}
      onChange={(e) => selection.onChange(e.target.checked ? keys : [])}
    >
      Chọn tất cả ({keys.length})
    </Checkbox>
  );
}

const showTotal = (capped: boolean) => (total: number, range: [number, number]) =>
  `${range[0]}–${range[1]} / ${capped ? `hơn ${total.toLocaleString("vi-VN")}` : total.toLocaleString("vi-VN")}`;

/**
 * A table on desktop (sideways scroll when too wide), a stack of cards on phones. Every list
 * page uses it so a later "Xuất Excel" button and column choices land in one place.
 */
export function DataView<T extends object>(props: DataViewProps<T>) {
  const isPhone = useIsPhone();
  const { rows, rowKey, columns, renderCard, loading, pagination, label, emptyText = "Không có dữ liệu", toolbar, selection } = props;

  const toolbarNode = toolbar ? (
    <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
      {toolbar}
    </Flex>
  ) : null;

  if (isPhone && renderCard) {
    return (
      <section aria-label={label}>
        {toolbarNode}
        {selection && rows && <PhoneSelectAll rows={rows} rowKey={rowKey} selection={selection} />}
        <Spin spinning={Boolean(loading)}>
          {rows && rows.length > 0 ? (
            <Flex vertical gap={8} role="list">
              {rows.map((r) => {
                const key = String(r[rowKey]);
                return (
                  <Card key={key} size="small" role="listitem" styles={{ body: { padding: 12 } }}>
                    {selection?.selectable(r) ? (
                      <Flex gap={10} align="start">
                        <Checkbox
                          aria-label={selection.label(r)}
                          checked={selection.selected.includes(key)}
                          onChange={(e) => selection.onChange(e.target.checked ? [...selection.selected, key] : selection.selected.filter((k) => k !== key))}
                          style={{ marginTop: 2 }}
                        />
                        <div style={{ flex: 1, minWidth: 0 }}>{renderCard(r)}</div>
                      </Flex>
                    ) : (
                      renderCard(r)
                    )}
                  </Card>
                );
              })}
            </Flex>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={loading ? "Đang tải…" : emptyText} />
          )}
        </Spin>
        {pagination && pagination.total > pagination.pageSize && (
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Pagination
              simple
              size="small"
              current={pagination.current}
              pageSize={pagination.pageSize}
              total={pagination.total}
              onChange={pagination.onChange}
            />
          </Flex>
        )}
      </section>
    );
  }

  return (
    <section aria-label={label}>
      {toolbarNode}
      <Table<T>
        rowKey={rowKey}
        columns={columns}
        dataSource={rows as T[] | undefined}
        loading={loading}
        size={props.size ?? (isPhone ? "small" : "middle")}
        scroll={{ x: props.scrollX ?? "max-content" }}
        expandable={props.expandable}
        rowSelection={
          selection && {
            selectedRowKeys: [...selection.selected],
            onChange: (keys) => selection.onChange(keys.map(String)),
            getCheckboxProps: (r: T) => ({ disabled: !selection.selectable(r), "aria-label": selection.label(r) }),
            columnWidth: 48,
            fixed: true,
          }
        }
        locale={{ emptyText }}
        pagination={
          pagination
            ? {
                current: pagination.current,
                pageSize: pagination.pageSize,
                total: pagination.total,
                onChange: pagination.onChange,
                showSizeChanger: !isPhone,
                showTotal: showTotal(pagination.totalCapped ?? false),
                size: isPhone ? "small" : undefined,
                pageSizeOptions: [20, 50, 100, 200],
              }
            : false
        }
      />
    </section>
  );
}
