import { App, Button, Card, Empty, Flex, Typography } from "antd";
import { useNavigate } from "react-router";
import { errorMessage } from "@web/api/client";
import { documentPaths } from "@web/api/documents";
import { useEvaluations, useStartEvaluation, type EvaluationListItem } from "@web/api/evaluations";
import { useAccount } from "@web/app/account-context";
import { DocumentDownloads } from "@web/components/document-downloads";
import { DataView } from "@web/components/data-view";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDate } from "@web/lib/format";
import { EvaluationStatusTag } from "./status-tag";

function OpenButton({ row }: { row: EvaluationListItem }) {
  const navigate = useNavigate();
  const start = useStartEvaluation();
  const { message } = App.useApp();
  const name = `${row.unitName} năm ${row.campaignYear}`;
  if (row.evaluationId) {
    return (
      <Button size="small" type="primary" ghost onClick={() => void navigate(`/danh-gia/${row.evaluationId}`)} aria-label={`Mở phiếu đánh giá ${name}`}>
        Mở phiếu
      </Button>
    );
  }
  if (!row.canStart) return <Typography.Text type="secondary">Chưa bắt đầu</Typography.Text>;
  return (
    <Button
      size="small"
      type="primary"
      loading={start.isPending}
      aria-label={`Bắt đầu đánh giá ${name}`}
      onClick={() =>
        start.mutateAsync({ campaignId: row.campaignId, unitId: row.unitId }).then(
          (r) => void navigate(`/danh-gia/${r.id}`),
          (e: unknown) => void message.error(errorMessage(e)),
        )
      }
    >
      Bắt đầu đánh giá
    </Button>
  );
}

/** The cells' evaluations per campaign, with their state and how many members are rated. */
export default function EvaluationsPage() {
  const list = useEvaluations();
  const rowKey = (r: EvaluationListItem) => `${r.campaignId}|${r.unitId}`;
  const rows = (list.data?.items ?? []).map((r) => ({ ...r, key: rowKey(r) }));
  return (
    <>
      <PageHeader title="Đánh giá, xếp loại" subtitle="Chi bộ đánh giá từng cam kết, chấm điểm và xếp loại đảng viên; cấp trên duyệt và khóa kết quả." />
      <CommuneSummaries rows={rows} />
      <Card>
        <QueryState isLoading={list.isLoading} error={list.error} refetch={list.refetch}>
          {rows.length === 0 ? (
            <Empty description="Không có chi bộ nào trong phạm vi của bạn" />
          ) : (
            <DataView
              label="Phiếu đánh giá của các chi bộ"
              rows={rows}
              rowKey="key"
              scrollX={900}
              columns={[
                { title: "Chi bộ", dataIndex: "unitName", width: 230, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
                {
                  title: "Phong trào",
                  dataIndex: "campaignName",
                  render: (v: string, r) => (
                    <>
                      {v}
                      <div className="card-meta">
                        {formatViDate(r.periodStart)} – {formatViDate(r.periodEnd)}
                      </div>
                    </>
                  ),
                },
                { title: "Trạng thái", dataIndex: "status", width: 200, render: (_: string, r) => <EvaluationStatusTag status={r.status} label={r.statusLabel} /> },
                { title: "Đã xếp loại", key: "rated", width: 110, render: (_, r) => `${r.ratedCount}/${r.memberCount}` },
                { title: "", key: "open", width: 160, render: (_, r) => <OpenButton row={r} /> },
              ]}
              renderCard={(r) => (
                <>
                  <div className="card-row">
                    <span className="card-title">{r.unitName}</span>
                    <EvaluationStatusTag status={r.status} label={r.statusLabel} />
                  </div>
                  <div className="card-meta">
                    Năm {r.campaignYear} · {r.campaignName}
                  </div>
                  <div className="card-row" style={{ marginTop: 8, alignItems: "center" }}>
                    <span className="card-meta">
                      Đã xếp loại {r.ratedCount}/{r.memberCount}
                    </span>
                    <OpenButton row={r} />
                  </div>
                </>
              )}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}

/**
 * The bảng tổng hợp of the cells under each unit the account oversees above the cells (the commune
 * for its Bí thư and the TTKV), per campaign.
 */
function CommuneSummaries({ rows }: { rows: EvaluationListItem[] }) {
  const account = useAccount();
  const cells = new Set(rows.map((r) => r.unitId));
  const roots = account.scopes.filter((s) => !cells.has(s.unitId));
  const campaigns = [...new Map(rows.map((r) => [r.campaignId, r])).values()];
  if (roots.length === 0 || campaigns.length === 0) return null;
  return (
    <Card style={{ marginBottom: 16 }} title="Bảng tổng hợp kết quả đánh giá, xếp loại các chi bộ">
      <Flex vertical gap={8} role="list" aria-label="Bảng tổng hợp kết quả đánh giá, xếp loại các chi bộ">
        {roots.flatMap((root) =>
          campaigns.map((c) => (
            <Flex key={`${root.unitId}|${c.campaignId}`} role="listitem" gap={8} align="center" justify="space-between" wrap>
              <Typography.Text>
                {root.unitName} — năm {c.campaignYear}: {c.campaignName}
              </Typography.Text>
              <DocumentDownloads size="small" path={documentPaths.communeEvaluationSummary(c.campaignId, root.unitId)} label={`bảng tổng hợp đánh giá, xếp loại các chi bộ của ${root.unitName} năm ${c.campaignYear}`} />
            </Flex>
          )),
        )}
      </Flex>
    </Card>
  );
}
