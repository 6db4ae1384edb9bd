import { Card, Tag } from "antd";
import { Link } from "react-router";
import { useCriteriaSets, type CriteriaSetList } from "@web/api/campaigns";
import { DataView } from "@web/components/data-view";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";

type SetItem = CriteriaSetList["items"][number];

function StatusTag({ s }: { s: SetItem }) {
  return <Tag color={s.status === "published" ? "green" : "gold"}>{s.statusLabel}</Tag>;
}

/** The criteria sets of my committee and the committees above it, newest year first. */
export default function CriteriaSetsPage() {
  const q = useCriteriaSets();
  return (
    <>
      <PageHeader title="Bộ tiêu chí" subtitle="Nội dung “5 không” và các tiêu chí của phong trào, theo từng năm" />
      <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
        <Card>
          <DataView<SetItem>
            label="Danh sách bộ tiêu chí"
            rows={q.data?.items}
            rowKey="id"
            emptyText="Chưa có bộ tiêu chí nào"
            scrollX={800}
            columns={[
              { title: "Bộ tiêu chí", dataIndex: "name", render: (v: string, s) => <Link to={`/bo-tieu-chi/${s.id}`}>{v}</Link> },
              { title: "Năm", dataIndex: "year", width: 80 },
              { title: "Cấp ban hành", dataIndex: "issuingUnitName", width: 200 },
              { title: "Trạng thái", dataIndex: "status", width: 130, render: (_: unknown, s) => <StatusTag s={s} /> },
              { title: "Số phong trào dùng", dataIndex: "campaignCount", width: 150 },
            ]}
            renderCard={(s) => (
              <>
                <Link className="card-title" to={`/bo-tieu-chi/${s.id}`} style={{ display: "block" }}>
                  {s.name}
                </Link>
                <div className="card-meta">
                  Năm {s.year} · {s.issuingUnitName}
                </div>
                <div style={{ marginTop: 6 }}>
                  <StatusTag s={s} />
                </div>
              </>
            )}
          />
        </Card>
      </QueryState>
    </>
  );
}
