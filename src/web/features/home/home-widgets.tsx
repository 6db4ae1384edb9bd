import { Col, Row } from "antd";
import { registry } from "@web/app/features";
import type { Account } from "@web/api/auth";

/**
 * The slot where features put cards on the home page (positions, scopes, quick links today; "việc
 * cần làm" later): a feature lists `homeWidgets` in its WebFeature, nothing else to touch.
 */
export function HomeWidgets({ account }: { account: Account }) {
  const widgets = registry.homeWidgetsFor(account);
  const menu = registry.menuFor(account);
  return (
    <Row gutter={[16, 16]}>
      {widgets.map((w) => {
        const W = w.component;
        return (
          <Col key={w.key} xs={24} lg={w.width === "full" ? 24 : 12}>
            <W account={account} menu={menu} />
          </Col>
        );
      })}
    </Row>
  );
}
