import type { Metadata } from "next";
import { Alert, Card, CardBody, CardHeader, PageHeader } from "@bazaar/ui";
import { Facts } from "~/components/facts";
import { StatusBadge } from "~/components/status-badge";
import { formatDateTime, humanize } from "~/lib/format";
import { orNotFound } from "~/lib/not-found";
import { getAdminAccess } from "~/server/access";
import { api } from "~/trpc/server";

export const metadata: Metadata = { title: "Email" };

export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  if ((await getAdminAccess()).kind !== "admin") return null;
  const mail = await orNotFound(api.mail.get({ id: (await params).id }));

  return (
    <>
      <PageHeader back={{ href: "/mailbox", label: "Mailbox" }} title={mail.subject} description={<StatusBadge status={mail.status} />} />
      {mail.error ? (
        <Alert tone="danger" title="Sending failed" className="mb-6">
          {mail.error}
        </Alert>
      ) : null}
      <Card className="mb-6">
        <CardBody>
          <Facts
            items={[
              { label: "To", value: mail.to },
              { label: "Kind", value: humanize(mail.template) },
              { label: "Created", value: formatDateTime(mail.createdAt) },
              { label: "Sent over SMTP", value: formatDateTime(mail.sentAt) },
            ]}
          />
        </CardBody>
      </Card>
      <Card className="mb-6">
        <CardHeader title="As the recipient sees it" />
        <CardBody>
          {/* The mail's own HTML, isolated: no scripts, no access to the console's page or cookies. */}
          <iframe
            title={`Email: ${mail.subject}`}
            srcDoc={mail.html}
            sandbox=""
            className="h-[640px] w-full rounded-md bg-white ring-1 ring-slate-200"
            data-testid="email-html"
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Plain-text version" />
        <CardBody>
          <pre className="overflow-x-auto text-sm whitespace-pre-wrap text-slate-800" data-testid="email-text">
            {mail.text}
          </pre>
        </CardBody>
      </Card>
    </>
  );
}
