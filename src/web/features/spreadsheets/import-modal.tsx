import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Flex, Modal, Progress, Spin, Table, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@web/api/client";
import { uploadSheet, type ImportReport } from "@web/api/spreadsheets";
import { useIsPhone } from "@web/lib/use-media";

type Phase = "choose" | "checking" | "checked" | "writing" | "done";

/**
 * Import from Excel in two steps: upload and check (dry run: a row-by-row report in Vietnamese,
 * nothing written), then confirm (the server checks again and writes everything or nothing).
 */
export function ImportExcelModal(props: { open: boolean; title: string; url: string; templateUrl?: string; onClose: () => void; invalidate?: unknown[][] }) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("choose");
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setPhase("choose");
    setProgress(0);
    setReport(null);
    setError(null);
  };
  const close = () => {
    reset();
    props.onClose();
  };
  const run = async (dryRun: boolean, f: File) => {
    setError(null);
    setProgress(0);
    setPhase(dryRun ? "checking" : "writing");
    try {
      const r = await uploadSheet(props.url, f, { dryRun, onProgress: setProgress });
      setReport(r);
      setPhase(dryRun ? "checked" : r.ok ? "done" : "checked");
      if (!dryRun && r.ok) for (const key of props.invalidate ?? []) await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(errorMessage(e));
      setPhase("choose");
    }
  };

  const busy = phase === "checking" || phase === "writing";
  const footer =
    phase === "done"
      ? [
          // "Xong", not "Đóng": the dialog's corner button is already named "Đóng".
          <Button key="close" type="primary" onClick={close}>Xong</Button>,
        ]
      : [
          <Button key="cancel" onClick={close} disabled={busy}>Hủy</Button>,
          phase === "checked" && report?.ok && (report.counts.create + report.counts.update > 0) ? (
            <Button key="apply" type="primary" onClick={() => file && run(false, file)}>Xác nhận nhập</Button>
          ) : null,
        ];

  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={close}
      footer={footer}
      width={760}
      maskClosable={!busy}
      destroyOnHidden
      // a long title wraps before the corner close button instead of running under it
      styles={{ title: { paddingInlineEnd: 28 } }}
    >
      <Flex vertical gap={12}>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            void run(true, f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined aria-hidden /></p>
          <p>Chọn hoặc kéo tệp Excel (.xlsx) vào đây</p>
          <Typography.Text type="secondary">{file ? file.name : "Dùng đúng các cột của tệp “Xuất Excel”"}</Typography.Text>
        </Upload.Dragger>
        {props.templateUrl && (
          <Typography.Link href={props.templateUrl} download>Tải tệp mẫu (danh sách hiện tại)</Typography.Link>
        )}
        {busy && file && <BusyStatus writing={phase === "writing"} progress={progress} size={file.size} />}
        {error && <Alert type="error" showIcon title={error} />}
        {report && <ReportView report={report} />}
      </Flex>
    </Modal>
  );
}

const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

/** Seconds since the component mounted, ticking once a second. */
function useElapsedSeconds(): number {
  const [start] = useState(() => Date.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return Math.floor((now - start) / 1000);
}

/**
 * What the import is doing, in two honest stages: the upload with its real byte progress, then
 * the server reading and checking every row (no percentage exists for that, so a spinner and the
 * time spent). A large file (100 000 rows) takes a few seconds in each.
 */
function BusyStatus({ writing, progress, size }: { writing: boolean; progress: number; size: number }) {
  const uploaded = progress >= 100;
  const seconds = useElapsedSeconds();
  return (
    <div role="status" aria-live="polite">
      <Typography.Text>
        Bước 1/2 — Tải tệp lên: {formatMb((size * progress) / 100)} / {formatMb(size)}
      </Typography.Text>
      <Progress percent={progress} status={uploaded ? "success" : "active"} aria-label="Tiến độ tải tệp lên" />
      {uploaded && (
        <Flex gap={8} align="center">
          <Spin size="small" />
          <Typography.Text>
            Bước 2/2 — {writing ? "Máy chủ kiểm tra lại và ghi tất cả các dòng (hoặc không dòng nào)" : "Máy chủ đang đọc và kiểm tra từng dòng"}… ({seconds} giây)
          </Typography.Text>
        </Flex>
      )}
    </div>
  );
}

const n = (v: number) => v.toLocaleString("vi-VN");

function ReportView({ report }: { report: ImportReport }) {
  const isPhone = useIsPhone();
  return (
    <Flex vertical gap={8}>
      {report.applied ? (
        <Alert type="success" showIcon title={`Đã nhập xong: thêm ${n(report.counts.create)}, cập nhật ${n(report.counts.update)}, giữ nguyên ${n(report.counts.unchanged)}`} />
      ) : report.ok ? (
        report.counts.create + report.counts.update === 0 ? (
          <Alert type="info" showIcon title="Tệp không có gì thay đổi so với dữ liệu hiện có" />
        ) : (
          <Alert type="info" showIcon title="Tệp hợp lệ. Kiểm tra số liệu rồi bấm “Xác nhận nhập”." />
        )
      ) : (
        <Alert type="error" showIcon title={`Tệp có ${n(report.issueCount)} lỗi; chưa nhập dòng nào. Sửa tệp rồi chọn lại.`} />
      )}
      <Descriptions size="small" column={isPhone ? 2 : 4} layout={isPhone ? "vertical" : "horizontal"} bordered>
        <Descriptions.Item label="Số dòng">{n(report.counts.rows)}</Descriptions.Item>
        <Descriptions.Item label="Thêm mới">{n(report.counts.create)}</Descriptions.Item>
        <Descriptions.Item label="Cập nhật">{n(report.counts.update)}</Descriptions.Item>
        <Descriptions.Item label="Không đổi">{n(report.counts.unchanged)}</Descriptions.Item>
      </Descriptions>
      {report.issues.length > 0 && (
        <Table
          aria-label="Lỗi trong tệp"
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={report.issues.length > 20 ? { pageSize: 20, showSizeChanger: false, size: "small" } : false}
          dataSource={report.issues}
          // On a phone the column name goes in front of the message, so the message has the width.
          columns={[
            { title: "Dòng", dataIndex: "row", width: isPhone ? 56 : 70, render: (v: number) => (v === 0 ? "Tệp" : v) },
            ...(isPhone ? [] : [{ title: "Cột", dataIndex: "column", width: 130, render: (v: string | null) => v ?? "" }]),
            {
              title: "Lỗi",
              dataIndex: "message",
              render: (v: string, i) =>
                isPhone && i.column ? (
                  <>
                    <Typography.Text strong>{i.column}:</Typography.Text> {v}
                  </>
                ) : (
                  v
                ),
            },
          ]}
        />
      )}
      {report.issueCount > report.issues.length && (
        <Typography.Text type="secondary">
          Hiển thị {n(report.issues.length)} lỗi đầu tiên trong tổng số {n(report.issueCount)} lỗi.
        </Typography.Text>
      )}
    </Flex>
  );
}
