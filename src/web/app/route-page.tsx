import { Button, Result } from "antd";
import { useNavigate } from "react-router";
import { usePageTitle } from "@web/lib/use-page-title";
import { useAccount } from "./account-context";
import type { RouteEntry } from "./registry";

/** One registered route: refused unless the account's menu allows it, with the tab title set. */
function HomeButton() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => void navigate("/")}>
      Về trang chủ
    </Button>
  );
}

export function RoutePage({ entry }: { entry: RouteEntry }) {
  const account = useAccount();
  usePageTitle(entry.title);
  if (entry.menuKey && !account.menu.includes(entry.menuKey)) {
    return (
      <Result
        status="403"
        title="Không có quyền truy cập"
        subTitle="Tài khoản của bạn không được dùng chức năng này. Nếu cần, hãy liên hệ người quản lý đơn vị."
        extra={<HomeButton />}
      />
    );
  }
  const Page = entry.component;
  return <Page />;
}

export function NotFoundPage() {
  usePageTitle("Không tìm thấy trang");
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ này không tồn tại hoặc đã được chuyển đi."
      extra={<HomeButton />}
    />
  );
}
