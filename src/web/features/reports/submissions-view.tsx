import { Alert, Card, Col, Empty, Flex, List, Row, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { useSubmissions, type SubmissionsView } from "@web/api/reports";
import { DataView } from "@web/components/data-view";
import { QueryState } from "@web/components/query-state";
import { formatViDate, formatViDateTime } from "@web/lib/format";
import { SubmissionTag } from "./submission-tag";

type Item = SubmissionsView["items"][number];

function UnitList({ items, campaignId, empty, label }: { items: Item[]; campaignId: string; empty: string; label: string }) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <section aria-label={label}>
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => (
          <List.Item>
            <Flex justify="space-between" gap={8} wrap style={{ width: "100%" }}>
              <span>
                <Link to={`/bao-cao/${campaignId}/${i.unitId}`}>{i.unitName}</Link>
                {i.parentName && <Typography.Text type="secondary"> · {i.parentName}</Typography.Text>}
              </span>
              <span>
                <SubmissionTag state={i.state} label={i.stateLabel} overdue={i.overdue} />
              </span>
            </Flex>
          </List.Item>
        )}
      />
    </section>
  );
}

/** Which units under this one have reported (on time, late) and which have not — for the commune and the TTKV. */
export function SubmissionsPanel({ campaignId, unitId }: { campaignId: string; unitId: string }) {
  const q = useSubmissions(campaignId, unitId);
  const d = q.data;
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
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
              <Card title={`Đơn vị chưa gửi báo cáo (${d.missing.length})`} style={{ height: "100%" }}>
                <UnitList items={d.missing} campaignId={campaignId} empty="Tất cả đơn vị đã gửi báo cáo" label="Đơn vị chưa gửi báo cáo" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={`Đơn vị gửi trễ hạn (${d.late.length})`} style={{ height: "100%" }}>
                <UnitList items={d.late} campaignId={campaignId} empty="Không có đơn vị gửi trễ hạn" label="Đơn vị gửi báo cáo trễ hạn" />
              </Card>
            </Col>
          </Row>
          <Card title="Tất cả đơn vị">
            <DataView<Item>
              label="Tình hình gửi báo cáo của các đơn vị"
              rows={d.items}
              rowKey="unitId"
              emptyText="Không có đơn vị nào phải báo cáo"
              columns={[
                { title: "Đơn vị", dataIndex: "unitName", render: (v: string, i) => <Link to={`/bao-cao/${campaignId}/${i.unitId}`}>{v}</Link> },
                { title: "Trực thuộc", dataIndex: "parentName", render: (v: string | null) => v ?? "" },
                { title: "Tình trạng", dataIndex: "state", render: (_: unknown, i) => <SubmissionTag state={i.state} label={i.stateLabel} overdue={i.overdue} /> },
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
                    <SubmissionTag state={i.state} label={i.stateLabel} overdue={i.overdue} />
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
          </Card>
        </Flex>
      )}
    </QueryState>
  );
}
