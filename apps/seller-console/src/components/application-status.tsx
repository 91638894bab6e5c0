import type { RouterOutputs } from "@bazaar/api";
import { OnboardingSteps } from "./onboarding-steps";

type Onboarding = RouterOutputs["seller"]["onboarding"];

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** The application a shop in review sent, and the road from here to selling. */
export function ApplicationStatus({ status }: { status: Onboarding }) {
  const { shop } = status;
  return (
    <div className="space-y-5" data-testid="application-status">
      <section aria-labelledby="application-heading">
        <h2 id="application-heading" className="text-sm font-semibold text-slate-900">
          Your application
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">Shop</dt>
          <dd className="font-medium text-slate-900">{shop.shopName}</dd>
          <dt className="text-slate-500">Address</dt>
          <dd className="font-mono text-xs leading-5 break-all text-slate-700">/shops/{shop.slug}</dd>
          <dt className="text-slate-500">Contact</dt>
          <dd className="break-all text-slate-700">{shop.contactEmail}</dd>
          <dt className="text-slate-500">Applied</dt>
          <dd className="text-slate-700">{dateFormat.format(shop.appliedAt)}</dd>
        </dl>
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading" className="text-sm font-semibold text-slate-900">
          From application to first sale
        </h2>
        <OnboardingSteps steps={status.steps} current={shop.status === "PENDING" ? "approved" : null} />
      </section>
    </div>
  );
}
