import { Alert, App, Form, Modal, type FormInstance } from "antd";
import { useState, type ReactNode } from "react";
import { applyServerErrors } from "@web/lib/form-errors";

export interface FormModalProps<V extends object> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Sends the values; a thrown ApiError is shown on the form (fields from details[].path). */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<unknown>;
  initialValues?: Partial<V>;
  okText?: string;
  /** Toast shown after success (none when empty). */
  successMessage?: string;
  width?: number;
  danger?: boolean;
  children: ReactNode;
  /** Reacts to edits (e.g. fill the code from the name). */
  onValuesChange?: (changed: Partial<V>, all: V, form: FormInstance<V>) => void;
  /** Use an existing form instance (to read values from outside). */
  form?: FormInstance<V>;
}

/**
 * A modal with a vertical form: labels on every field (screen readers, Playwright getByLabel),
 * Enter submits, the server's Vietnamese message in an alert on top and its field errors under
 * the right fields.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { title, open, onClose, onSubmit, initialValues, okText = "Lưu", successMessage, width = 560, danger, children } = props;
  const [ownForm] = Form.useForm<V>();
  const form = props.form ?? ownForm;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const finish = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values, form);
      if (successMessage) void message.success(successMessage);
      onClose();
    } catch (err) {
      setError(applyServerErrors(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      width={width}
      okText={okText}
      cancelText="Hủy"
      confirmLoading={busy}
      okButtonProps={{ htmlType: "submit", danger }}
      destroyOnHidden
      afterClose={() => setError(null)}
      modalRender={(dom) => (
        <Form<V>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v) => void finish(v)}
          onValuesChange={(changed, all) => props.onValuesChange?.(changed, all, form)}
          clearOnDestroy
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {children}
    </Modal>
  );
}
