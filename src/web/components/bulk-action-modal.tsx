import { Alert, App, Modal, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { ApiError, errorMessage } from "@web/api/client";

export interface BulkActionModalProps {
  title: string;
  open: boolean;
  onClose: () => void;
  okText: string;
  /** What will be done, before the list. */
  intro: ReactNode;
  /** The picked items, one line each (name and what happens to it). */
  items: { key: string; line: ReactNode }[];
  /** Sends the whole list; the server does all or nothing. */
  run: () => Promise<unknown>;
  successMessage: string;
  /** Called after success (e.g. clear the selection). */
  onDone?: () => void;
}

/**
 * Confirms a bulk action over the picked rows and sends it. The server does all or nothing: when
 * it refuses, nothing changed, and the dialog shows its message with the reason for each refused
 * item (details), so the clerk can unpick them and try again.
 */
export function BulkActionModal(props: BulkActionModalProps) {
  const { title, open, onClose, okText, intro, items, run, successMessage, onDone } = props;
  const [error, setError] = useState<{ message: string; reasons: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await run();
      void message.success(successMessage);
      onDone?.();
      close();
    } catch (err) {
      const reasons = err instanceof ApiError ? err.details.map((d) => d.message) : [];
      setError({ message: err instanceof ApiError && reasons.length ? "Chưa thực hiện gì vì:" : errorMessage(err), reasons });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={title} open={open} onCancel={close} onOk={() => void submit()} okText={okText} cancelText="Hủy" confirmLoading={busy} destroyOnHidden>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={error.message}
          description={
            error.reasons.length > 0 && (
              <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                {error.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <ul aria-label="Danh sách đã chọn" style={{ paddingInlineStart: 18, maxHeight: 320, overflowY: "auto" }}>
        {items.map((i) => (
          <li key={i.key}>{i.line}</li>
        ))}
      </ul>
    </Modal>
  );
}
