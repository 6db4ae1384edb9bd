import { Alert, Card, Col, Empty, Flex, List, Row, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useSubmissions, type SubmissionFilter, type SubmissionsView } from "@web/api/reports";
import { DataView } from "@web/components/data-view";
import { LoadMore } from "@web/components/load-more";
import { QueryState } from "@web/components/query-state";
import { formatViDate, formatViDateTime } from "@web/lib/format";
import { SubmissionTag } from "./submission-tag";

type Item = SubmissionsView["items"][number];

/** "3/12 đơn vị trực thuộc chưa gửi, 1 gửi trễ": where the reports of the units below a row stand. */
function BelowSummary({ below }: { below: NonNullable<Item["below"]> }) {
  const parts = [below.missing > 0 ? `${below.missing}/${below.expected} đơn vị trực thuộc chưa gửi` : `${below.expected} đơn vị trực thuộc đã gửi đủ`];
  if (below.late > 0) parts.push(`${below.late} gửi trễ hạn`);
  return <Typography.Text type={below.missing > 0 ? "danger" : "secondary"}>{parts.join(", ")}</Typography.Text>;
}

function UnitState({ item }: { item: Item }) {
  return (
    <Flex gap={8} wrap align="center">
      {item.state && item.stateLabel && <SubmissionTag state={item.state} label={item.stateLabel} overdue={item.overdue} />}
      {item.below && <BelowSummary below={item.below} />}
    </Flex>
  );
}

function itemsOf(q: ReturnType<typeof useSubmissions>): Item[] {
  return q.data?.pages.flatMap((p) => p.items) ?? [];
}

function UnitList({ campaignId, unitId, filter, empty, label }: { campaignId: string; unitId: string; filter: SubmissionFilter; empty: string; label: string }) {
  const q = useSubmissions(campaignId, unitId, filter);
  const items = itemsOf(q);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <section aria-label={label}>
          <List
            size="small"
            dataSource={items}
            renderItem={(i) => (
              <List.Item>
                <Flex justify="space-between" gap={8} wrap style={{ width: "100%" }}>
                  <Link to={`/bao-cao/${campaignId}/${i.unitId}`}>{i.unitName}</Link>
                  <UnitState item={i} />
                </Flex>
              </List.Item>
            )}
          />
          <LoadMore q={q} />
        </section>
      )}
    </QueryState>
  );
}

/**
 * Which units under this one have reported (on time, late) and which have not — for the commune,
 * the TTKV and the city's board: the counts of the whole subtree, then the units directly under
 * this one (a unit that groups others shows how many of them have not reported; its link opens
 * its own list).
 */
export function SubmissionsPanel({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const all = useSubmissions(campaignId, unitId, "all");
  const d = all.data?.pages[0];
  const items = itemsOf(all);
  return (
    <QueryState isLoading={all.isLoading} error={all.error} refetch={all.refetch}>
      {d && (
        <Flex vertical gap={16}>
          <Card title="Tình hình gửi báo cáo">
            {d.deadlinePassed && d.counts.missing > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={`Đã quá hạn gửi báo cáo (${formatViDate(d.deadline)}): còn ${d.counts.missing} đơn vị chưa gửi.`}
              />
            )}
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Statistic title="Đơn vị phải báo cáo" value={d.counts.expected} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="Đã gửi đúng hạn" value={d.counts.onTime} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="Gửi trễ hạn" value={d.counts.late} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="Chưa gửi" value={d.counts.missing} />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              Hạn gửi báo cáo: {d.deadline ? formatViDate(d.deadline) : "không quy định"}. Báo cáo gửi lên cấp trên qua Thường trực Khối vận.
            </Typography.Paragraph>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={`Đơn vị chưa gửi báo cáo (${d.counts.missing})`} style={{ height: "100%" }}>
                <UnitList campaignId={campaignId} unitId={unitId} filter="missing" empty="Tất cả đơn vị đã gửi báo cáo" label="Đơn vị chưa gửi báo cáo" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`Đơn vị gửi trễ hạn (${d.counts.late})`} style={{ height: "100%" }}>
                <UnitList campaignId={campaignId} unitId={unitId} filter="late" empty="Không có đơn vị gửi trễ hạn" label="Đơn vị gửi báo cáo trễ hạn" />
              </Card>
            </Col>
          </Row>
          <Card title="Các đơn vị trực thuộc">
            <DataView<Item>
              label="Tình hình gửi báo cáo của các đơn vị"
              rows={items}
              rowKey="unitId"
              emptyText="Không có đơn vị nào phải báo cáo"
              columns={[
                { title: "Đơn vị", dataIndex: "unitName", render: (v: string, i) => <Link to={`/bao-cao/${campaignId}/${i.unitId}`}>{v}</Link> },
                { title: "Tình trạng", dataIndex: "state", render: (_: unknown, i) => <UnitState item={i} /> },
                { title: "Số, ký hiệu", dataIndex: "symbol", render: (v: string | null) => v ?? "" },
                { title: "Ngày gửi", dataIndex: "submittedAt", render: (v: string | null) => formatViDateTime(v) },
                { title: "Nơi nhận", dataIndex: "receivedByUnitName", render: (v: string | null) => v ?? "" },
              ]}
              renderCard={(i) => (
                <>
                  <div className="card-row">
                    <Link className="card-title" to={`/bao-cao/${campaignId}/${i.unitId}`}>
                      {i.unitName}
                    </Link>
                  </div>
                  <div style={{ marginTop: 4 }}>
                    <UnitState item={i} />
                  </div>
                  {i.submittedAt && (
                    <div className="card-meta">
                      {i.symbol ? `${i.symbol} · ` : ""}gửi {formatViDateTime(i.submittedAt)}
                      {i.receivedByUnitName ? ` · ${i.receivedByUnitName}` : ""}
                    </div>
                  )}
                </>
              )}
            />
            <LoadMore q={all} />
          </Card>
        </Flex>
      )}
    </QueryState>
  );
}
