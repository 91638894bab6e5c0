"use client";

import { useSyncExternalStore } from "react";
import { ClockIcon } from "./icons";

// One shared ticking clock for the page; null on the server so the server HTML never holds a
// time that is already wrong when it arrives.
const subscribe = (onTick: () => void) => {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
};
const nowSeconds = () => Math.floor(Date.now() / 1000);

export function useNowSeconds(): number | null {
  return useSyncExternalStore(subscribe, nowSeconds, () => null);
}

export function formatCountdown(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** "Held for you for 14:32": how long the cart's stock holds last unless the cart changes. */
export function ReservationTimer({ expiresAt }: { expiresAt: Date }) {
  const now = useNowSeconds();
  const left = now === null ? null : Math.floor(expiresAt.getTime() / 1000) - now;
  if (left !== null && left <= 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-amber-800" data-testid="reservation-timer">
        <ClockIcon className="size-4" />
        Your items are no longer held. They are still in your cart; check out soon or change the cart to hold them again.
      </p>
    );
  }
  return (
    <p className="flex items-center gap-2 text-sm text-slate-700" data-testid="reservation-timer">
      <ClockIcon className="size-4 text-brand-600" />
      {/* The minutes change every second: announce the sentence once, not every tick. */}
      <span>
        Held for you for <span className="font-semibold tabular-nums">{left === null ? "--:--" : formatCountdown(left)}</span>
      </span>
    </p>
  );
}
