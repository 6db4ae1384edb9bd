import { DeleteOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Flex, Form, Input, Radio, Space, type FormInstance } from "antd";
import { useCreateAccount, useResetPassword, useSetScopes, type AccountRow } from "@web/api/accounts";
import type { Unit } from "@web/api/units";
import { useAccount } from "@web/app/account-context";
import { FormModal } from "@web/components/form-modal";
import { PersonPicker } from "@web/components/person-picker";
import { UnitTreeSelect } from "@web/components/unit-tree-select";

type Scope = "manage" | "view";
interface ScopeRow {
  unitId?: string | null;
  scope: Scope;
}

const managed = (u: Unit) => u.canManage;

/** A password people can read out on the phone: letters and digits, no look-alikes (0/O, 1/l). */
export function generatePassword(length = 10): string {
  const letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = "23456789";
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  const chars = Array.from(bytes, (b) => all[b % all.length]!);
  chars[0] = letters[bytes[0]! % letters.length]!;
  chars[length - 1] = digits[bytes[length - 1]! % digits.length]!;
  return chars.join("");
}

const PASSWORD_RULES = [
  { required: true, message: "Vui lòng nhập mật khẩu" },
  { min: 12, message: "Mật khẩu phải có ít nhất 12 ký tự" },
];

function PasswordField({ name, label, form }: { name: string; label: string; form: FormInstance }) {
  return (
    <Form.Item label={label} required extra="Ít nhất 12 ký tự, không dùng mật khẩu phổ biến. Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.">
      <Space.Compact style={{ width: "100%" }}>
        <Form.Item name={name} noStyle rules={PASSWORD_RULES}>
          <Input autoComplete="new-password" spellCheck={false} autoCapitalize="none" aria-label={label} />
        </Form.Item>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => form.setFieldValue(name, generatePassword())}>
          Tạo ngẫu nhiên
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}

/** Rows of "unit + Quản lý/Xem"; only units I manage are offered. */
function ScopesField({ known }: { known?: { id: string; name: string }[] }) {
  return (
    <Form.List name="scopes">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          <div className="field-label">Phạm vi quyền</div>
          {fields.map((f, i) => (
            <Flex key={f.key} gap={8} wrap align="flex-start" className="scope-row">
              <Form.Item
                name={[f.name, "unitId"]}
                label={`Đơn vị ${i + 1}`}
                style={{ flex: "1 1 240px", minWidth: 0, marginBottom: 8 }}
                rules={[{ required: true, message: "Vui lòng chọn đơn vị" }]}
              >
                <UnitTreeSelect filter={managed} extraOptions={known} />
              </Form.Item>
              <Form.Item name={[f.name, "scope"]} label={`Quyền ${i + 1}`} style={{ marginBottom: 8 }}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: "manage", label: "Quản lý" },
                    { value: "view", label: "Xem" },
                  ]}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`Bỏ phạm vi ${i + 1}`}
                onClick={() => remove(f.name)}
                style={{ marginTop: 30 }}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ scope: "view" })} style={{ alignSelf: "flex-start" }}>
            Thêm phạm vi
          </Button>
          <div className="card-meta" style={{ marginBottom: 16 }}>
            Quản lý: thêm, sửa trong đơn vị và các đơn vị trực thuộc. Xem: chỉ xem. Tài khoản của đảng viên, giáo viên thường không cần phạm vi.
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

function cleanScopes(rows: ScopeRow[] | undefined): { unitId: string; scope: Scope }[] {
  return (rows ?? []).filter((r): r is { unitId: string; scope: Scope } => Boolean(r.unitId)).map((r) => ({ unitId: r.unitId, scope: r.scope }));
}

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  personId?: string | null;
  scopes?: ScopeRow[];
  isAdmin?: boolean;
}

export function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useAccount();
  const create = useCreateAccount();
  const [form] = Form.useForm<CreateValues>();
  return (
    <FormModal<CreateValues>
      form={form}
      title="Tạo tài khoản"
      open={open}
      onClose={onClose}
      okText="Tạo tài khoản"
      successMessage="Đã tạo tài khoản"
      width={640}
      initialValues={{ password: generatePassword(), scopes: [], isAdmin: false }}
      onSubmit={(v) =>
        create.mutateAsync({
          username: v.username.trim().toLowerCase(),
          displayName: v.displayName.trim(),
          password: v.password,
          personId: v.personId ?? null,
          scopes: cleanScopes(v.scopes),
          isAdmin: Boolean(v.isAdmin),
        })
      }
    >
      <Form.Item
        label="Cán bộ, đảng viên"
        name="personId"
        extra="Người dùng tài khoản này (gõ tên, không cần dấu)."
      >
        <PersonPicker
          onChange={(_, person) => {
            if (person && !form.isFieldTouched("displayName")) form.setFieldValue("displayName", person.fullName);
          }}
        />
      </Form.Item>
      <Form.Item
        label="Tên đăng nhập"
        name="username"
        extra="Chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang; ví dụ: tl.bithu"
        rules={[
          { required: true, message: "Vui lòng nhập tên đăng nhập" },
          { min: 3, message: "Tên đăng nhập phải có ít nhất 3 ký tự" },
          { pattern: /^[a-zA-Z0-9._-]+$/, message: "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang" },
        ]}
      >
        <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={50} />
      </Form.Item>
      <Form.Item label="Tên hiển thị" name="displayName" rules={[{ required: true, whitespace: true, message: "Vui lòng nhập tên hiển thị" }]}>
        <Input maxLength={200} />
      </Form.Item>
      <PasswordField name="password" label="Mật khẩu tạm thời" form={form} />
      <ScopesField />
      {me.isAdmin && (
        <Form.Item name="isAdmin" valuePropName="checked">
          <Checkbox>Quản trị hệ thống (toàn quyền)</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}

export function ResetPasswordModal({ account, onClose }: { account: AccountRow | null; onClose: () => void }) {
  const reset = useResetPassword();
  const [form] = Form.useForm<{ newPassword: string }>();
  return (
    <FormModal<{ newPassword: string }>
      form={form}
      title={`Đặt lại mật khẩu: ${account?.username ?? ""}`}
      open={Boolean(account)}
      onClose={onClose}
      okText="Đặt lại mật khẩu"
      successMessage="Đã đặt lại mật khẩu"
      initialValues={{ newPassword: generatePassword() }}
      onSubmit={(v) => reset.mutateAsync({ id: account!.id, newPassword: v.newPassword })}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Các phiên đăng nhập của tài khoản này sẽ kết thúc. Hãy báo mật khẩu tạm thời cho người dùng; họ phải đổi mật khẩu khi đăng nhập."
      />
      <PasswordField name="newPassword" label="Mật khẩu tạm thời mới" form={form} />
    </FormModal>
  );
}

export function ScopesModal({ account, onClose }: { account: AccountRow | null; onClose: () => void }) {
  const setScopes = useSetScopes();
  return (
    <FormModal<{ scopes: ScopeRow[] }>
      title={`Phạm vi quyền: ${account?.username ?? ""}`}
      open={Boolean(account)}
      onClose={onClose}
      successMessage="Đã lưu phạm vi quyền"
      width={640}
      initialValues={{ scopes: account?.scopes.map((s) => ({ unitId: s.unitId, scope: s.scope })) ?? [] }}
      onSubmit={(v) => setScopes.mutateAsync({ id: account!.id, scopes: cleanScopes(v.scopes) })}
    >
      <ScopesField known={account?.scopes.map((s) => ({ id: s.unitId, name: s.unitName }))} />
    </FormModal>
  );
}
