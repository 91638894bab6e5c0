"use client";

import Link from "next/link";
import { ChevronDownIcon, UserIcon } from "./icons";
import { useDisclosure } from "./use-disclosure";
import { forgetVisitor } from "./visitor";

export interface AccountMenuProps {
  user: { name: string | null; email: string };
  signOutAction: () => Promise<void>;
}

const firstName = (user: AccountMenuProps["user"]) => user.name?.split(" ")[0] ?? user.email.split("@")[0];

export function AccountMenu({ user, signOutAction }: AccountMenuProps) {
  const { rootRef, buttonProps, panelProps } = useDisclosure();
  return (
    <div ref={rootRef} className="relative">
      <button {...buttonProps} className="inline-flex h-10 items-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
        <UserIcon className="size-5" />
        <span className="sr-only md:not-sr-only">Account</span>
        <ChevronDownIcon className="hidden size-4 md:block" />
      </button>
      <div {...panelProps} className="absolute top-12 right-0 z-40 w-64 rounded-lg bg-white py-2 shadow-lg ring-1 ring-slate-200">
        <p className="border-b border-slate-100 px-4 pb-2 text-sm text-slate-600" data-testid="signed-in-as">
          Signed in as <span className="font-medium text-slate-900">{user.name ?? firstName(user)}</span>
          <span className="block truncate text-xs text-slate-500">{user.email}</span>
        </p>
        <ul className="py-1">
          <li>
            <Link href="/account/orders" className="block px-4 py-2 text-sm text-slate-700 hover:bg-slate-50">
              Your orders
            </Link>
          </li>
          <li>
            <Link href="/account/wishlist" className="block px-4 py-2 text-sm text-slate-700 hover:bg-slate-50">
              Wishlist
            </Link>
          </li>
          <li>
            <Link href="/account/addresses" className="block px-4 py-2 text-sm text-slate-700 hover:bg-slate-50">
              Addresses
            </Link>
          </li>
        </ul>
        <form action={signOutAction} onSubmit={forgetVisitor} className="border-t border-slate-100 px-2 pt-2">
          <button type="submit" className="w-full rounded-md px-2 py-2 text-left text-sm text-slate-700 hover:bg-slate-50">
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
