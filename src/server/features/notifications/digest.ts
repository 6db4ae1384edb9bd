import nodemailer from "nodemailer";
import { NOTIFICATION_KIND_LABELS } from "@contracts/notifications.js";
import { formatViDate } from "@domain/dates.js";
import type { SmtpConfig } from "../../config.js";
import type { DigestItem } from "./reminders.queries.js";

/** One e-mail of the digest. */
export interface DigestMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What sends the digest: nodemailer over SMTP in the app, anything with `send` in a test. */
export interface Mailer {
  send(mail: DigestMail): Promise<void>;
  close(): void;
}

/** A mailer over the configured SMTP server (nodemailer, one pooled transport). */
export function createSmtpMailer(smtp: SmtpConfig): Mailer {
  const transport = smtp.url
    ? nodemailer.createTransport(smtp.url)
    : nodemailer.createTransport({
        host: smtp.host ?? "localhost",
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? "" } } : {}),
      });
  return {
    async send(mail) {
      await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close() {
      transport.close();
    },
  };
}

const MAX_LISTED = 20;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The digest of one person: their unread notifications since the last digest, newest last, in
 * Vietnamese, each with its kind, its text and where to open it (an absolute link when the
 * app's address is known). Pure, so its wording is tested without a server.
 */
export function buildDigestMail(items: readonly DigestItem[], publicUrl: string | null): DigestMail {
  const first = items[0]!;
  const n = items.length;
  const listed = items.slice(0, MAX_LISTED);
  const href = (link: string | null) => (link ? `${publicUrl ?? ""}${link}` : null);
  const subject = n === 1 ? `Dân vận khéo: ${first.title}` : `Dân vận khéo: ${n} thông báo mới`;
  const lines = [
    `Kính gửi đồng chí ${first.full_name},`,
    "",
    n === 1 ? "Đồng chí có 1 thông báo chưa đọc trên phần mềm Dân vận khéo:" : `Đồng chí có ${n} thông báo chưa đọc trên phần mềm Dân vận khéo:`,
    "",
  ];
  listed.forEach((i, k) => {
    lines.push(`${k + 1}. [${NOTIFICATION_KIND_LABELS[i.kind] ?? "Thông báo"}] ${i.title}`);
    if (i.body) lines.push(`   ${i.body}`);
    const h = href(i.link);
    lines.push(`   Ngày ${formatViDate(i.created_at.toISOString())}${h ? ` — xem tại ${h}` : ""}`);
    lines.push("");
  });
  if (n > listed.length) lines.push(`… và ${n - listed.length} thông báo khác.`, "");
  lines.push(`Xem tất cả thông báo: ${publicUrl ?? ""}/thong-bao`, "", "Thư này được phần mềm gửi tự động, vui lòng không trả lời.");

  const html = [
    `<p>Kính gửi đồng chí ${escapeHtml(first.full_name)},</p>`,
    `<p>${n === 1 ? "Đồng chí có 1 thông báo chưa đọc" : `Đồng chí có ${n} thông báo chưa đọc`} trên phần mềm Dân vận khéo:</p>`,
    "<ol>",
    ...listed.map((i) => {
      const h = href(i.link);
      const title = h ? `<a href="${escapeHtml(h)}">${escapeHtml(i.title)}</a>` : escapeHtml(i.title);
      return `<li><strong>${escapeHtml(NOTIFICATION_KIND_LABELS[i.kind] ?? "Thông báo")}</strong>: ${title}${i.body ? `<br>${escapeHtml(i.body)}` : ""}<br><small>Ngày ${formatViDate(i.created_at.toISOString())}</small></li>`;
    }),
    "</ol>",
    n > listed.length ? `<p>… và ${n - listed.length} thông báo khác.</p>` : "",
    `<p><a href="${escapeHtml(`${publicUrl ?? ""}/thong-bao`)}">Xem tất cả thông báo</a></p>`,
    "<p><small>Thư này được phần mềm gửi tự động, vui lòng không trả lời.</small></p>",
  ].join("\n");
  return { to: first.email, subject, text: lines.join("\n"), html };
}
