import { Card, Col, Empty, Flex, Row, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { HomeWidgetProps } from "@web/app/registry";
import { ScopeTag } from "@web/components/tags";

/** My current positions, each linking to its unit when I may open the tree. */
export function MyPositionsCard({ account }: HomeWidgetProps) {
  const canOpenUnits = account.menu.includes("units");
  return (
    <Card title="Chức vụ của tôi" style={{ height: "100%" }}>
      {account.positions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={account.isAdmin ? "Quản trị hệ thống" : "Chưa gắn với chức vụ nào"} />
      ) : (
        <Flex vertical gap={12}>
          {account.positions.map((p) => (
            <div key={`${p.unitId}-${p.role}`}>
              <Flex gap={6} wrap align="center">
                <Tag color={p.role === "member" ? "default" : "red"}>{p.roleLabel}</Tag>
                {p.title && <Typography.Text>{p.title}</Typography.Text>}
              </Flex>
              <div style={{ marginTop: 4 }}>
                {canOpenUnits ? <Link to={`/to-chuc/${p.unitId}`}>{p.unitName}</Link> : <Typography.Text strong>{p.unitName}</Typography.Text>}
              </div>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** What I may manage or only view. */
export function MyScopesCard({ account }: HomeWidgetProps) {
  return (
    <Card title="Phạm vi quyền" style={{ height: "100%" }}>
      {account.isAdmin && <Tag color="red">Quản trị hệ thống — toàn bộ đơn vị</Tag>}
      {account.scopes.length === 0 && !account.isAdmin ? (
        <Typography.Text type="secondary">Bạn chưa được cấp quyền quản lý hay xem đơn vị nào; bạn dùng các chức năng cá nhân.</Typography.Text>
      ) : (
        <Flex vertical gap={8} align="flex-start">
          {account.scopes.map((s) => (
            <ScopeTag key={`${s.unitId}-${s.scope}`} scope={s.scope} unitName={s.unitName} />
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            Quản lý: thêm, sửa trong đơn vị và các đơn vị trực thuộc. Xem: chỉ xem.
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

/** One tile per menu entry I may use (except the home page itself). */
export function QuickLinksCard({ menu }: HomeWidgetProps) {
  const entries = menu.filter((m) => m.key !== "home");
  if (!entries.length) return null;
  return (
    <Card title="Truy cập nhanh">
      <Row gutter={[12, 12]}>
        {entries.map((m) => (
          <Col key={m.key} xs={24} sm={12} lg={8}>
            <Link to={m.path} className="quick-link">
              <span className="quick-link-icon" aria-hidden>
                {m.icon}
              </span>
              <span>
                <span className="quick-link-label">{m.label}</span>
                {m.description && <span className="quick-link-desc">{m.description}</span>}
              </span>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
