import { KeyOutlined, LockOutlined, PlusOutlined, SafetyOutlined, UnlockOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useAccounts, useSetAccountDisabled, type AccountRow } from "@web/api/accounts";
import { errorMessage } from "@web/api/client";
import { useAccount } from "@web/app/account-context";
import { DataView } from "@web/components/data-view";
import { LoadMore } from "@web/components/load-more";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { ScopeTag } from "@web/components/tags";
import { useDebounced } from "@web/lib/use-debounced";
import { CreateAccountModal, ResetPasswordModal, ScopesModal } from "./account-modals";

function Status({ a }: { a: AccountRow }) {
  return (
    <span className="tag-row">
      {a.disabled ? <Tag color="default">Đã khóa</Tag> : <Tag color="green">Đang hoạt động</Tag>}
      {a.mustChangePassword && !a.disabled && <Tag color="orange">Chờ đổi mật khẩu</Tag>}
      {a.isAdmin && <Tag color="red">Quản trị</Tag>}
      {a.isDemo && <Tag color="gold">Tài khoản trình diễn</Tag>}
    </span>
  );
}

function Scopes({ a }: { a: AccountRow }) {
  if (!a.scopes.length) return <Typography.Text type="secondary">Không có (chỉ dùng cá nhân)</Typography.Text>;
  return (
    <Flex vertical gap={4} align="flex-start">
      {a.scopes.map((s) => (
        <ScopeTag key={`${s.unitId}-${s.scope}`} scope={s.scope} unitName={s.unitName} />
      ))}
    </Flex>
  );
}

/** Accounts in my scope; managers create them, reset passwords, set scopes, lock and unlock. */
export default function AccountsPage() {
  const me = useAccount();
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim(), 300);
  const accounts = useAccounts(q || undefined);
  const setDisabled = useSetAccountDisabled();
  const { modal, message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AccountRow | null>(null);
  const [scoping, setScoping] = useState<AccountRow | null>(null);

  const toggle = (a: AccountRow) => {
    const disable = !a.disabled;
    modal.confirm({
      title: disable ? `Khóa tài khoản ${a.username}?` : `Mở khóa tài khoản ${a.username}?`,
      content: disable ? "Người dùng sẽ bị đăng xuất và không đăng nhập được cho đến khi được mở khóa." : "Người dùng đăng nhập lại được bằng mật khẩu hiện có.",
      okText: disable ? "Khóa" : "Mở khóa",
      okButtonProps: { danger: disable },
      cancelText: "Hủy",
      onOk: async () => {
        try {
          await setDisabled.mutateAsync({ id: a.id, disabled: disable });
          void message.success(disable ? "Đã khóa tài khoản" : "Đã mở khóa tài khoản");
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  };

  const actions = (a: AccountRow) =>
    a.canManage ? (
      <Flex gap={4} wrap>
        <Button size="small" icon={<KeyOutlined aria-hidden />} onClick={() => setResetting(a)} aria-label={`Đặt lại mật khẩu ${a.username}`}>
          Đặt lại mật khẩu
        </Button>
        <Button size="small" icon={<SafetyOutlined aria-hidden />} onClick={() => setScoping(a)} aria-label={`Phạm vi quyền ${a.username}`}>
          Phạm vi
        </Button>
        {a.id !== me.id && (
          <Button
            size="small"
            danger={!a.disabled}
            icon={a.disabled ? <UnlockOutlined aria-hidden /> : <LockOutlined aria-hidden />}
            onClick={() => toggle(a)}
            aria-label={`${a.disabled ? "Mở khóa" : "Khóa"} ${a.username}`}
          >
            {a.disabled ? "Mở khóa" : "Khóa"}
          </Button>
        )}
      </Flex>
    ) : null;

  const who = (a: AccountRow) => (
    <>
      <div>{a.displayName}</div>
      {a.personId && a.personName && a.personName !== a.displayName && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {a.personName}
        </Typography.Text>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title="Tài khoản"
        subtitle="Tài khoản trong phạm vi bạn quản lý"
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            Tạo tài khoản
          </Button>
        }
      />
      <Card>
        <div style={{ marginBottom: 16, maxWidth: 420 }}>
          <label htmlFor="account-search" className="field-label">
            Tìm tài khoản
          </label>
          <Input.Search id="account-search" allowClear placeholder="Tên đăng nhập hoặc họ tên" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <QueryState isLoading={false} error={accounts.error} refetch={accounts.refetch}>
          <DataView<AccountRow>
            label="Danh sách tài khoản"
            rows={accounts.data?.pages.flatMap((p) => p.items)}
            rowKey="id"
            loading={accounts.isFetching}
            scrollX={860}
            columns={[
              {
                title: "Tài khoản",
                dataIndex: "username",
                width: 250,
                render: (v: string, a) => (
                  <>
                    <Typography.Text strong>{v}</Typography.Text>
                    <div style={{ fontSize: 13 }}>{a.personId ? <Link to={`/can-bo/${a.personId}`}>{who(a)}</Link> : who(a)}</div>
                    <div style={{ marginTop: 4 }}>
                      <Status a={a} />
                    </div>
                  </>
                ),
              },
              { title: "Phạm vi quyền", key: "scopes", render: (_, a) => <Scopes a={a} /> },
              { title: "Thao tác", key: "actions", width: 340, render: (_, a) => actions(a) },
            ]}
            renderCard={(a) => (
              <>
                <div className="card-row">
                  <div style={{ minWidth: 0 }}>
                    <div className="card-title">{a.username}</div>
                    <div className="card-meta">{who(a)}</div>
                  </div>
                  <Status a={a} />
                </div>
                <div style={{ marginTop: 8 }}>
                  <Scopes a={a} />
                </div>
                {a.canManage && <div style={{ marginTop: 8 }}>{actions(a)}</div>}
              </>
            )}
          />
          <LoadMore q={accounts} />
        </QueryState>
      </Card>
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
      <ScopesModal account={scoping} onClose={() => setScoping(null)} />
    </>
  );
}
