import type { RouterOutputs } from "@bazaar/api";
import { cn } from "@bazaar/ui";

type Step = RouterOutputs["seller"]["onboarding"]["steps"][number];

/** A checklist; `current` marks the step in progress (e.g. the review). */
export function OnboardingSteps({ steps, current }: { steps: Step[]; current: Step["id"] | null }) {
  return (
    <ol className="mt-3 space-y-2">
      {steps.map((step) => {
        const inProgress = !step.done && step.id === current;
        return (
          <li key={step.id} className="flex items-start gap-3 text-sm" data-done={step.done}>
            <span
              aria-hidden
              className={cn(
                "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold",
                step.done
                  ? "bg-emerald-600 text-white"
                  : inProgress
                    ? "bg-brand-100 text-brand-700 ring-2 ring-brand-500"
                    : "bg-slate-100 text-slate-400 ring-1 ring-slate-300",
              )}
            >
              {step.done ? "✓" : ""}
            </span>
            <span className={cn(step.done ? "text-slate-500" : "text-slate-900", inProgress && "font-medium")}>
              {step.label}
              <span className="sr-only">{step.done ? " (done)" : inProgress ? " (in progress)" : " (to do)"}</span>
              {inProgress && step.id === "approved" ? <span className="ml-2 text-xs text-brand-700">in review</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
