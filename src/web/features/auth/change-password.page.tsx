import { Alert, App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useChangePassword } from "@web/api/auth";
import { useAccount } from "@web/app/account-context";
import { PageHeader } from "@web/components/page-header";
import { applyServerErrors } from "@web/lib/form-errors";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const account = useAccount();
  const change = useChangePassword();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    setError(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success("Đã đổi mật khẩu");
          void navigate("/", { replace: true });
        },
        onError: (err) => setError(applyServerErrors(form, err)),
      },
    );
  };

  return (
    <>
      <PageHeader title="Đổi mật khẩu" back={account.mustChangePassword ? undefined : true} />
      <Card style={{ maxWidth: 520 }}>
        {account.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="Bạn đang dùng mật khẩu tạm thời"
            description="Vui lòng đặt mật khẩu mới của riêng bạn trước khi tiếp tục."
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={change.isPending}>
          <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: "Vui lòng nhập mật khẩu hiện tại" }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="Mật khẩu mới"
            name="newPassword"
            extra="Ít nhất 12 ký tự; nên dùng một cụm từ dễ nhớ của riêng mình, không dùng mật khẩu phổ biến."
            rules={[
              { required: true, message: "Vui lòng nhập mật khẩu mới" },
              { min: 12, message: "Mật khẩu phải có ít nhất 12 ký tự" },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu mới"
            name="confirm"
            dependencies={["newPassword"]}
            rules={[
              { required: true, message: "Vui lòng nhập lại mật khẩu mới" },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error("Hai lần nhập mật khẩu mới không khớp")),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            Đổi mật khẩu
          </Button>
        </Form>
      </Card>
    </>
  );
}
