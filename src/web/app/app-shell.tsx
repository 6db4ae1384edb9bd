import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Avatar, Button, Drawer, Dropdown, Flex, Layout, Menu, Result, Typography, type MenuProps } from "antd";
import { useMemo, useState } from "react";
import { Link, Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { useLogout, useMe, type Account } from "@web/api/auth";
import { ApiError, errorMessage } from "@web/api/client";
import { useMenuKeyOverride } from "@web/lib/menu-key";
import { useIsPhone } from "@web/lib/use-media";
import { AccountContext } from "./account-context";
import { registry } from "./features";
import { LazyPage, PageSpinner } from "./page-loading";

const { Header, Sider, Content } = Layout;

export const CHANGE_PASSWORD_PATH = "/doi-mat-khau";

function Brand({ compact }: { compact?: boolean }) {
  return (
    <Link to="/" className="brand" aria-label="Dân vận khéo — Trang chủ">
      <span className="brand-mark" aria-hidden>
        ★
      </span>
      {!compact && (
        <span className="brand-text">
          <span className="brand-name">Dân vận khéo</span>
          <span className="brand-sub">gắn với “5 không”</span>
        </span>
      )}
    </Link>
  );
}

/** "Bí thư · Chi bộ Trường Tiểu học Thạnh An" — the first position, for the header. */
export function mainPosition(a: Account): string | null {
  const p = a.positions[0];
  if (!p) return a.isAdmin ? "Quản trị hệ thống" : null;
  return `${p.roleLabel} · ${p.unitName}`;
}

function NavMenu({ account, onNavigate }: { account: Account; onNavigate?: () => void }) {
  const location = useLocation();
  const items: MenuProps["items"] = registry.menuFor(account).map((m) => ({
    key: m.key,
    icon: m.icon,
    label: (
      <Link to={m.path} onClick={onNavigate}>
        {m.label}
      </Link>
    ),
  }));
  const override = useMenuKeyOverride();
  const selected = override ?? registry.menuKeyForPath(location.pathname);
  return <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} style={{ borderInlineEnd: "none" }} aria-label="Menu chính" />;
}

function UserMenu({ account, isPhone }: { account: Account; isPhone: boolean }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const name = account.personName ?? account.displayName;
  const position = mainPosition(account);

  const items: MenuProps["items"] = [
    {
      key: "who",
      disabled: true,
      label: (
        <div className="user-menu-who">
          <strong>{name}</strong>
          <div>{account.username}</div>
          {isPhone && position && <div>{position}</div>}
        </div>
      ),
    },
    { type: "divider" },
    { key: "password", icon: <KeyOutlined aria-hidden />, label: "Đổi mật khẩu" },
    { key: "logout", icon: <LogoutOutlined aria-hidden />, label: "Đăng xuất", danger: true },
  ];

  const onClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "password") void navigate(CHANGE_PASSWORD_PATH);
    if (key === "logout") {
      logout.mutate(undefined, { onSettled: () => void navigate("/dang-nhap", { replace: true }) });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={["click"]} placement="bottomRight">
      <Button type="text" className="user-button" aria-label={`Tài khoản: ${name}`}>
        <Avatar size={32} icon={<UserOutlined aria-hidden />} style={{ background: "#b71c1c", flex: "none" }} />
        <span className="user-button-text">
          <span className="user-name">{name}</span>
          {!isPhone && position && <span className="user-position">{position}</span>}
        </span>
        <DownOutlined aria-hidden style={{ fontSize: 10, flex: "none" }} />
      </Button>
    </Dropdown>
  );
}

/** The frame of every signed-in page: menu (sider on desktop, drawer on phones), header, content. */
export function AppShell() {
  const me = useMe();
  const location = useLocation();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const account = me.data?.account;
  const menu = useMemo(() => (account ? <NavMenu account={account} onNavigate={() => setDrawerOpen(false)} /> : null), [account]);

  if (me.isLoading) {
    return <PageSpinner fullHeight />;
  }
  if (me.error || !account) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      const next = location.pathname + location.search;
      return <Navigate to={next === "/" ? "/dang-nhap" : `/dang-nhap?tiep=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <Result
        status="warning"
        title="Không tải được thông tin tài khoản"
        subTitle={errorMessage(me.error)}
        extra={<Button onClick={() => void me.refetch()}>Thử lại</Button>}
      />
    );
  }
  if (account.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }

  return (
    <AccountContext.Provider value={account}>
      <Layout style={{ minHeight: "100vh" }}>
        {!isPhone && (
          <Sider width={248} className="app-sider" theme="light">
            <div className="sider-brand">
              <Brand />
            </div>
            <nav aria-label="Chức năng">{menu}</nav>
          </Sider>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Header className="app-header">
            <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
              {isPhone && (
                <>
                  <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label="Mở menu" onClick={() => setDrawerOpen(true)} />
                  <Brand compact />
                </>
              )}
            </Flex>
            <UserMenu account={account} isPhone={isPhone} />
          </Header>
          {account.isDemo && (
            <Alert
              banner
              type="warning"
              className="demo-banner"
              role="status"
              title={
                <>
                  <strong>Tài khoản trình diễn</strong> — mật khẩu mặc định, không dùng cho dữ liệu thật
                </>
              }
            />
          )}
          <Content className="app-content">
            <LazyPage resetKey={location.pathname}>
              <Outlet />
            </LazyPage>
          </Content>
          <Layout.Footer className="app-footer">
            <Typography.Text type="secondary">Phong trào thi đua “Dân vận khéo” gắn với nội dung “5 không”</Typography.Text>
          </Layout.Footer>
        </Layout>
      </Layout>
      {isPhone && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={280}
          title={<Brand />}
          styles={{ body: { padding: "8px 0" } }}
          aria-label="Menu"
        >
          <nav aria-label="Chức năng">{menu}</nav>
        </Drawer>
      )}
    </AccountContext.Provider>
  );
}
