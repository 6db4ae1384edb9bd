import { CheckOutlined, EditOutlined, LineChartOutlined, RollbackOutlined, SendOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import { errorMessage } from "@web/api/client";
import { useApproveRegistration, useRegistration, useReturnRegistration, useSubmitRegistration, useWithdrawRegistration, type Commitment, type Registration } from "@web/api/registrations";
import { documentPaths } from "@web/api/documents";
import { DocumentDownloads } from "@web/components/document-downloads";
import { FormModal } from "@web/components/form-modal";
import { PageHeader } from "@web/components/page-header";
import { QueryState } from "@web/components/query-state";
import { formatViDate, formatViDateTime } from "@web/lib/format";
import { useIsPhone } from "@web/lib/use-media";
import { useMenuKey } from "@web/lib/menu-key";
import { usePageTitle } from "@web/lib/use-page-title";
import { useAccount } from "@web/app/account-context";
import { RegistrationTimelineView } from "../progress/registration-timeline";
import { LinkButton } from "./link-button";
import { CommitmentStatusTag, LateTag, RegistrationStatusTag } from "./registration-tags";
import "./registrations.css";

function CommitmentItem({ c, reg }: { c: Commitment; reg: Registration }) {
  const showProgress = reg.status === "approved";
  return (
    <li className="commitment-item" aria-label={`${c.itemCode}: ${c.action}`}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0, flex: "1 1 280px" }}>
          <Flex gap={6} wrap style={{ marginBottom: 4 }}>
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {c.itemCode}
            </Tag>
            {c.mandatory && <Tag style={{ marginInlineEnd: 0 }}>Bắt buộc</Tag>}
            {showProgress && <CommitmentStatusTag status={c.status} label={c.statusLabel} />}
            {showProgress && c.overdue && <Tag color="orange">Quá hạn</Tag>}
          </Flex>
          <div className="commitment-line" style={{ fontWeight: 500 }}>
            {c.action}
          </div>
          <div className="card-meta commitment-line">
            Chỉ tiêu: {c.target}
            {c.place ? ` · Nơi thực hiện: ${c.place}` : ""}
          </div>
          <div className="card-meta">
            {c.startDate ? `${formatViDate(c.startDate)} – ` : "Hạn: "}
            {formatViDate(c.deadline)}
            {showProgress && c.updateCount > 0 ? ` · ${c.updateCount} lần cập nhật, gần nhất ${formatViDateTime(c.lastUpdateAt)}` : ""}
          </div>
        </div>
        {showProgress && (
          <LinkButton to={`/tien-do/${c.id}`} icon={<LineChartOutlined aria-hidden />} type={reg.can.postProgress ? "primary" : "default"} ghost={reg.can.postProgress}>
            {reg.can.postProgress ? "Cập nhật tiến độ" : "Xem tiến độ"}
          </LinkButton>
        )}
      </Flex>
    </li>
  );
}

function CommitmentsCard({ reg }: { reg: Registration }) {
  const groups: { code: string; title: string; items: Commitment[] }[] = [];
  for (const c of reg.commitments) {
    const g = groups.find((x) => x.code === c.criterionCode);
    if (g) g.items.push(c);
    else groups.push({ code: c.criterionCode, title: c.criterionTitle, items: [c] });
  }
  return (
    <Card title={`Việc làm thiết thực (${reg.commitments.length})`}>
      {groups.length === 0 ? (
        <Empty description="Chưa có việc làm nào" />
      ) : (
        groups.map((g) => (
          <section key={g.code} aria-label={`Tiêu chí ${g.code}`} style={{ marginBottom: 16 }}>
            <Typography.Title level={3} style={{ fontSize: 15, marginTop: 0 }}>
              {g.code}. {g.title}
            </Typography.Title>
            <ul className="commitment-list">
              {g.items.map((c) => (
                <CommitmentItem key={c.id} c={c} reg={reg} />
              ))}
            </ul>
          </section>
        ))
      )}
    </Card>
  );
}

function ModelsCard({ reg }: { reg: Registration }) {
  const isPhone = useIsPhone();
  if (reg.models.length === 0) return null;
  return (
    <Card title={`Mô hình “Dân vận khéo” (${reg.models.length})`}>
      <Flex vertical gap={12}>
        {reg.models.map((m) => (
          <section key={m.id} aria-label={m.name}>
            <Typography.Text strong>{m.name}</Typography.Text> <Tag color="geekblue">{m.fieldLabel}</Tag>
            <Descriptions
              size="small"
              column={1}
              layout={isPhone ? "vertical" : "horizontal"}
              style={{ marginTop: 6 }}
              items={[
                ...(m.address ? [{ key: "a", label: "Địa chỉ", children: m.address }] : []),
                ...(m.content ? [{ key: "c", label: "Nội dung", children: m.content }] : []),
                ...(m.expectedResult ? [{ key: "r", label: "Kết quả dự kiến", children: m.expectedResult }] : []),
                ...(m.participants ? [{ key: "p", label: "Người tham gia", children: m.participants }] : []),
              ]}
            />
          </section>
        ))}
      </Flex>
    </Card>
  );
}

function Actions({ reg, onReturn }: { reg: Registration; onReturn: () => void }) {
  const { message, modal } = App.useApp();
  const submit = useSubmitRegistration();
  const approve = useApproveRegistration();
  const withdraw = useWithdrawRegistration();
  /** Asks first, then runs the action and says how it went. */
  const confirmThen = (title: string, content: string, okText: string, run: () => Promise<unknown>, done: string) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: "Hủy",
      onOk: () =>
        run().then(
          () => void message.success(done),
          (e: unknown) => void message.error(errorMessage(e)),
        ),
    });
  return (
    <>
      {reg.can.edit && (
        <LinkButton to={`/dang-ky/${reg.id}/sua`} icon={<EditOutlined aria-hidden />}>
          Sửa
        </LinkButton>
      )}
      {reg.can.submit && (
        <Button
          type="primary"
          icon={<SendOutlined aria-hidden />}
          loading={submit.isPending}
          onClick={() =>
            submit.mutate(reg.id, {
              onSuccess: (r) => void message.success(r.late ? "Đã gửi bảng đăng ký (sau hạn đăng ký)" : "Đã gửi bảng đăng ký cho Bí thư chi bộ duyệt"),
              onError: (e) => void message.error(errorMessage(e)),
            })
          }
        >
          {reg.status === "returned" ? "Gửi duyệt lại" : "Gửi duyệt"}
        </Button>
      )}
      {reg.can.withdraw && (
        <Button
          icon={<UndoOutlined aria-hidden />}
          onClick={() =>
            confirmThen(
              "Rút lại bảng đăng ký?",
              "Bảng đăng ký trở về bản nháp để sửa, rồi gửi duyệt lại. Chỉ rút lại được khi Bí thư chưa duyệt hoặc trả lại.",
              "Rút lại",
              () => withdraw.mutateAsync(reg.id),
              "Đã rút lại bảng đăng ký về bản nháp",
            )
          }
        >
          Rút lại
        </Button>
      )}
      {reg.can.review && (
        <>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            loading={approve.isPending}
            onClick={() =>
              confirmThen(
                "Duyệt bảng đăng ký?",
                `Bảng đăng ký của ${reg.displayName} sẽ không sửa được nữa; từ đó có thể cập nhật tiến độ.`,
                "Duyệt bảng đăng ký",
                () => approve.mutateAsync(reg.id),
                "Đã duyệt bảng đăng ký",
              )
            }
          >
            Duyệt
          </Button>
          <Button danger icon={<RollbackOutlined aria-hidden />} onClick={onReturn}>
            Trả lại
          </Button>
        </>
      )}
      <DocumentDownloads caption="Phiếu đăng ký" path={documentPaths.personalRegistration(reg.id)} label={`phiếu đăng ký của ${reg.displayName}`} />
    </>
  );
}

function ReturnModal({ reg, open, onClose }: { reg: Registration; open: boolean; onClose: () => void }) {
  const ret = useReturnRegistration();
  return (
    <FormModal<{ reason: string }>
      title={`Trả lại bảng đăng ký của ${reg.displayName}`}
      open={open}
      onClose={onClose}
      okText="Trả lại"
      danger
      successMessage="Đã trả lại bảng đăng ký; người đăng ký đã được thông báo"
      onSubmit={(v) => ret.mutateAsync({ id: reg.id, reason: v.reason })}
    >
      <Form.Item
        name="reason"
        label="Lý do trả lại"
        rules={[
          { required: true, whitespace: true, message: "Hãy nêu rõ lý do trả lại" },
          { min: 5, message: "Lý do ít nhất 5 ký tự" },
        ]}
        extra="Người đăng ký sẽ nhận được thông báo kèm lý do này."
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function RegistrationView({ reg }: { reg: Registration }) {
  const [returning, setReturning] = useState(false);
  usePageTitle(`Bảng đăng ký — ${reg.displayName}`);
  // someone else's sheet (a member's, a collective's) is read from the unit's sheet, not "Đăng ký của tôi"
  const account = useAccount();
  useMenuKey(reg.person !== null && reg.person.id === account.personId ? null : "registration-sheet");
  return (
    <>
      <PageHeader
        title={`Bảng đăng ký — ${reg.displayName}`}
        subtitle={reg.campaign.name}
        back
        tags={
          <Flex gap={6} wrap>
            <RegistrationStatusTag status={reg.status} label={reg.statusLabel} />
            {reg.late && <LateTag />}
            {reg.collectiveName && <Tag color="purple">Tập thể</Tag>}
          </Flex>
        }
        extra={<Actions reg={reg} onReturn={() => setReturning(true)} />}
      />
      <Flex vertical gap={16}>
        {reg.status === "returned" && reg.returnReason && (
          <Alert type="error" showIcon title="Bảng đăng ký bị trả lại, cần sửa và gửi lại" description={`Lý do: ${reg.returnReason}`} />
        )}
        {reg.status === "submitted" && reg.returnReason && (
          <Alert type="info" showIcon title="Đã sửa sau lần trả lại" description={`Lý do lần trả lại trước: ${reg.returnReason}`} />
        )}
        {reg.missingMandatory.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`Chưa đăng ký nội dung bắt buộc: ${reg.missingMandatory.map((m) => `${m.code} (${m.title})`).join("; ")}`}
          />
        )}
        <Card>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              { key: "unit", label: "Đơn vị", children: reg.unit.name },
              { key: "who", label: reg.person ? "Người đăng ký" : "Tập thể", children: reg.displayName },
              {
                key: "period",
                label: "Thời gian phong trào",
                children: `${formatViDate(reg.campaign.periodStart)} – ${formatViDate(reg.campaign.periodEnd)}`,
              },
              { key: "deadline", label: "Hạn đăng ký", children: reg.campaign.registrationDeadline ? formatViDate(reg.campaign.registrationDeadline) : "Không quy định" },
              ...(reg.submittedAt ? [{ key: "sub", label: "Gửi duyệt lúc", children: formatViDateTime(reg.submittedAt) }] : []),
              ...(reg.reviewedAt
                ? [{ key: "rev", label: reg.status === "approved" ? "Duyệt" : "Xem xét", children: `${reg.reviewedBy ?? ""} · ${formatViDateTime(reg.reviewedAt)}` }]
                : []),
            ]}
          />
        </Card>
        <CommitmentsCard reg={reg} />
        <ModelsCard reg={reg} />
        <Card title="Dòng thời gian">
          <RegistrationTimelineView registrationId={reg.id} />
        </Card>
      </Flex>
      <ReturnModal reg={reg} open={returning} onClose={() => setReturning(false)} />
    </>
  );
}

/** One registration sheet: content, workflow actions allowed to me, progress and timeline. */
export default function RegistrationPage() {
  const { id } = useParams();
  const q = useRegistration(id);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} refetch={q.refetch}>
      {q.data && <RegistrationView reg={q.data} />}
    </QueryState>
  );
}
