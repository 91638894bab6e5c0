import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "../env";

let cached: { url: string; transport: Transporter } | undefined;

/** The SMTP transport when SMTP_URL is set; null means mails are only stored (the local mailbox). */
export function getMailTransport(): Transporter | null {
  const url = getEnv().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url) };
  return cached.transport;
}
