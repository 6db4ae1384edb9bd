import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, theme } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useLogin } from "@web/api/auth";
import { errorMessage } from "@web/api/client";
import { loadSignedInApp } from "@web/app/signed-in-loader";
import { usePageTitle } from "@web/lib/use-page-title";

interface Values {
  username: string;
  password: string;
}

/** Only paths inside the app ("/to-chuc/…"), never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/dang-nhap") ? next : "/";
}

export default function SignInPage() {
  usePageTitle("Đăng nhập");
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);

  const onFinish = (values: Values) => {
    setError(null);
    // Fetch the signed-in app's code while the password is checked (a failure shows on navigation).
    loadSignedInApp().catch(() => undefined);
    login.mutate(values, {
      onSuccess: (me) => {
        void navigate(me.account.mustChangePassword ? "/doi-mat-khau" : safeNext(params.get("tiep")), { replace: true });
      },
      onError: (err) => setError(errorMessage(err)),
    });
  };

  // Plain elements styled from the theme's tokens rather than antd's Card and Typography: those two
  // bring Tabs, Menu and Tooltip along, a third of the page's JavaScript (bench/web-size.ts).
  const { token } = theme.useToken();
  const secondary = { color: token.colorTextSecondary };
  return (
    <main className="sign-in-page" style={{ fontFamily: token.fontFamily, fontSize: token.fontSize, color: token.colorText }}>
      <section className="sign-in-card" style={{ background: token.colorBgContainer, borderRadius: token.borderRadiusLG, border: `1px solid ${token.colorBorderSecondary}` }}>
        <div style={{ textAlign: "center", marginBottom: 20 }}>
          <div className="brand-mark" style={{ width: 52, height: 52, fontSize: 30, margin: "0 auto 12px" }} aria-hidden>
            ★
          </div>
          <h1 style={{ margin: 0, color: "#b71c1c", fontSize: 26, fontWeight: 600, lineHeight: 1.25 }}>Dân vận khéo</h1>
          <span style={secondary}>Phong trào thi đua gắn với nội dung “5 không”</span>
        </div>
        <h2 style={{ margin: "0 0 12px", fontSize: 20, fontWeight: 600, lineHeight: 1.4, color: token.colorTextHeading }}>Đăng nhập</h2>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} size="large" disabled={login.isPending}>
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập tên đăng nhập" }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: "Vui lòng nhập mật khẩu" }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            Đăng nhập
          </Button>
        </Form>
        <p style={{ ...secondary, marginTop: 16, marginBottom: 0, fontSize: 13 }}>Quên mật khẩu? Liên hệ người quản lý đơn vị của bạn để được đặt lại.</p>
      </section>
    </main>
  );
}
