import { Card, Col, Descriptions, Empty, Flex, List, Progress, Row, Statistic, Tag, Typography } from "antd";
import type { ReportView } from "@web/api/reports";
import { DataView } from "@web/components/data-view";
import { formatViDate } from "@web/lib/format";
import { useIsPhone } from "@web/lib/use-media";

type Statistics = ReportView["statistics"];
export type CriterionRow = Statistics["criteria"][number];

/** "57,1%" */
export const pct = (n: number) => `${String(n).replace(".", ",")}%`;

/** The per-criterion table (registered, achieved, %), with the total as its last row. */
export function CriteriaTable({ criteria, total, label }: { criteria: CriterionRow[]; total: Statistics["total"]; label: string }) {
  const rows = [...criteria, { code: "Tổng", title: "Tổng cộng", ...total }];
  return (
    <DataView<CriterionRow>
      label={label}
      rows={rows}
      rowKey="code"
      size="small"
      scrollX={480}
      columns={[
        {
          title: "Tiêu chí",
          dataIndex: "title",
          render: (v: string, r) => (r.code === "Tổng" ? <strong>{v}</strong> : `${r.code}. ${v}`),
        },
        { title: "Số đăng ký", dataIndex: "registered", align: "right", width: 110 },
        { title: "Số đạt", dataIndex: "achieved", align: "right", width: 90 },
        { title: "Tỷ lệ", dataIndex: "percent", align: "right", width: 90, render: (v: number) => pct(v) },
      ]}
      renderCard={(r) => (
        <>
          <div className="card-title">{r.code === "Tổng" ? "Tổng cộng" : `${r.code}. ${r.title}`}</div>
          <Flex justify="space-between" gap={8} className="card-meta">
            <span>
              Đăng ký {r.registered} · Đạt {r.achieved}
            </span>
            <strong>{pct(r.percent)}</strong>
          </Flex>
          <Progress percent={r.percent} showInfo={false} size="small" strokeColor="#b71c1c" />
        </>
      )}
    />
  );
}

/** The statistics of a report: criteria, members, models, violations, commendations. */
export function ReportStatistics({ statistics, frozen, submittedAt }: { statistics: Statistics; frozen: boolean; submittedAt: string | null }) {
  const isPhone = useIsPhone();
  const s = statistics;
  return (
    <Card
      title="Số liệu kết quả"
      extra={
        frozen ? (
          <Tag color="default">Số liệu chốt khi gửi{submittedAt ? ` ngày ${formatViDate(submittedAt)}` : ""}</Tag>
        ) : (
          <Tag color="green">Số liệu trực tiếp, tính đến {formatViDate(s.asOf)}</Tag>
        )
      }
    >
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title="Việc làm đăng ký" value={s.total.registered} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Việc làm đạt" value={s.total.achieved} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Tỷ lệ đạt" value={pct(s.total.percent)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Đảng viên đã đăng ký" value={`${s.members.registered}/${s.members.total}`} />
        </Col>
      </Row>
      <CriteriaTable criteria={s.criteria} total={s.total} label="Kết quả theo tiêu chí" />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            Mô hình “Dân vận khéo” ({s.models.count})
          </Typography.Title>
          {s.models.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có mô hình được duyệt" />
          ) : (
            <List
              size="small"
              dataSource={s.models.items}
              renderItem={(m) => (
                <List.Item>
                  <div>
                    <div className="card-title">{m.name}</div>
                    <div className="card-meta">
                      {m.fieldLabel} · {m.ownerName}
                      {m.unitName ? ` · ${m.unitName}` : ""}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            Vi phạm ({s.violations.count})
          </Typography.Title>
          {s.violations.byKind.length === 0 ? (
            <Typography.Text type="secondary">Không có vi phạm được ghi nhận.</Typography.Text>
          ) : (
            <Descriptions column={1} size="small" bordered={!isPhone}>
              {s.violations.byKind.map((v) => (
                <Descriptions.Item key={v.kind} label={v.label}>
                  {v.count}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            Tuyên dương
          </Typography.Title>
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            <Tag color="green">Được tuyên dương: {s.commendations.approved}</Tag>
            <Tag color="gold">Đang đề xuất: {s.commendations.proposed}</Tag>
            {s.commendations.declined > 0 && <Tag>Không chấp thuận: {s.commendations.declined}</Tag>}
          </Flex>
          {s.commendations.approvedItems.length > 0 && (
            <List
              size="small"
              dataSource={s.commendations.approvedItems}
              renderItem={(c) => (
                <List.Item>
                  <span>
                    <strong>{c.subjectName}</strong> <Typography.Text type="secondary">({c.subjectKindLabel}{c.unitName ? ` · ${c.unitName}` : ""})</Typography.Text>
                  </span>
                </List.Item>
              )}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
