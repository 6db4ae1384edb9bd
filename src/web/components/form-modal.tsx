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
  /** False: Enter in a field does not send the form (only the OK button does). */
  submitOnEnter?: boolean;
  /** Asks before sending (a confirmation naming what will happen; null: send at once); "Hủy" there sends nothing. */
  confirm?: (values: V) => { title: ReactNode; content: ReactNode; okText: string } | null;
}

/**
 * A modal with a vertical form: labels on every field (screen readers, Playwright getByLabel),
 * Enter submits (unless submitOnEnter is false), an optional confirmation first, the server's Vietnamese message in an alert on top and its field errors under
 * the right fields.
 */
export function FormModal<V extends object>(props: FormModalProps<V>) {
  const { title, open, onClose, onSubmit, initialValues, okText = "Lưu", successMessage, width = 560, danger, children } = props;
  const [ownForm] = Form.useForm<V>();
  const form = props.form ?? ownForm;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message, modal } = App.useApp();

  const send = async (values: V) => {
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
  const finish = (values: V) => {
    const ask = props.confirm?.(values);
    if (!ask) return void send(values);
    modal.confirm({ ...ask, cancelText: "Hủy", onOk: () => void send(values) });
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
          onFinish={finish}
          onKeyDown={(e) => {
            // Enter in a text or date field would send the form: here only the OK button does.
            if (props.submitOnEnter === false && e.key === "Enter" && e.target instanceof HTMLInputElement) e.preventDefault();
          }}
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
