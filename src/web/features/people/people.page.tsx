import { GENDER_LABELS } from "@contracts/people.js";
import { Card, Col, Input, Row, Typography } from "antd";
import { Link } from "react-router";
import { usePeoplePages, type PersonSummary } from "@web/api/people";
import { DataView } from "@web/components/data-view";
import { LoadMore } from "@web/components/load-more";
import { PageHeader } from "@web/components/page-header";
import { peopleExportUrl } from "@web/api/spreadsheets";
import { ExportExcelButton } from "../spreadsheets/export-button";
import { QueryState } from "@web/components/query-state";
import { CategoryTags } from "@web/components/tags";
import { UnitTreeSelect } from "@web/components/unit-tree-select";
import { formatViDate } from "@web/lib/format";
import { useUrlFilters } from "@web/lib/use-url-filters";

const genderLabel = (g: string | null) => (g ? ((GENDER_LABELS as Record<string, string>)[g] ?? g) : "");

function Positions({ p }: { p: PersonSummary }) {
  if (!p.currentPositions.length) return <Typography.Text type="secondary">Không giữ chức vụ nào</Typography.Text>;
  return (
    <>
      {p.currentPositions.map((c) => (
        <div key={`${c.unitId}-${c.role}`}>
          {c.role !== "member" && <Typography.Text strong>{c.roleLabel} · </Typography.Text>}
          {c.title ?? (c.role === "member" ? c.roleLabel : "")}
          <Typography.Text type="secondary"> · {c.unitName}</Typography.Text>
        </div>
      ))}
    </>
  );
}

/** "Tìm thấy 57 người" from the first page's count ("hơn 10.000" beyond what it counts). */
function countText(total: number | null | undefined, capped: boolean | undefined) {
  if (total == null) return null;
  return `Tìm thấy ${capped ? "hơn " : ""}${total.toLocaleString("vi-VN")} người`;
}

/** People in my scope: search ignoring diacritics, filter by unit, Vietnamese name order, read on with "Xem thêm". */
export default function PeoplePage() {
  const { params, search, setSearch, q, update } = useUrlFilters();
  const unitId = params.get("donvi");

  const people = usePeoplePages({ q: q || undefined, unitId });
  const first = people.data?.pages[0];

  return (
    <>
      <PageHeader
        title="Cán bộ, đảng viên"
        subtitle="Sắp xếp theo tên theo thứ tự tiếng Việt; tìm không cần gõ dấu."
        extra={<ExportExcelButton href={peopleExportUrl(q || undefined, unitId ?? undefined)} />}
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={12}>
            <label htmlFor="people-search" className="field-label">
              Tìm theo tên
            </label>
            <Input.Search
              id="people-search"
              allowClear
              placeholder="Ví dụ: nguyen van an"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              enterButton={false}
            />
          </Col>
          <Col xs={24} md={12}>
            <label htmlFor="people-unit" className="field-label">
              Đơn vị
            </label>
            <UnitTreeSelect id="people-unit" value={unitId} onChange={(v) => update({ donvi: v })} allowClear placeholder="Tất cả đơn vị" />
          </Col>
        </Row>
        <QueryState isLoading={false} error={people.error} refetch={people.refetch}>
          <DataView<PersonSummary>
            label="Danh sách cán bộ, đảng viên"
            rows={people.data?.pages.flatMap((p) => p.items)}
            rowKey="id"
            loading={people.isFetching}
            scrollX={920}
            emptyText={q ? `Không tìm thấy ai với “${q}”` : "Không có dữ liệu"}
            toolbar={first?.total ? <Typography.Text type="secondary">{countText(first.total, first.totalCapped)}</Typography.Text> : undefined}
            columns={[
              {
                title: "Họ và tên",
                dataIndex: "fullName",
                width: 190,
                render: (v: string, p) => (
                  <Link to={`/can-bo/${p.id}`} style={{ fontWeight: 500 }}>
                    {v}
                  </Link>
                ),
              },
              { title: "Giới tính", dataIndex: "gender", render: genderLabel, width: 90 },
              { title: "Ngày sinh", dataIndex: "birthDate", render: (v: string | null) => formatViDate(v), width: 110 },
              { title: "Chức vụ hiện tại", key: "positions", render: (_, p) => <Positions p={p} /> },
              { title: "Phân loại", dataIndex: "categories", render: (v: string[]) => <CategoryTags categories={v} />, width: 210 },
            ]}
            renderCard={(p) => (
              <>
                <div className="card-row">
                  <Link className="card-title" to={`/can-bo/${p.id}`}>
                    {p.fullName}
                  </Link>
                  <span className="card-meta" style={{ flex: "none" }}>
                    {[genderLabel(p.gender), p.birthDate ? formatViDate(p.birthDate) : ""].filter(Boolean).join(" · ")}
                  </span>
                </div>
                <div className="card-meta" style={{ marginTop: 4 }}>
                  <Positions p={p} />
                </div>
                <div style={{ marginTop: 6 }}>
                  <CategoryTags categories={p.categories} />
                </div>
              </>
            )}
          />
          <LoadMore q={people} />
        </QueryState>
      </Card>
    </>
  );
}
