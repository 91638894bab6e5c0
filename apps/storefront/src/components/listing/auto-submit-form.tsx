"use client";

import Form from "next/form";
import type { ComponentProps } from "react";

/**
 * A GET form (next/form: client-side navigation to `action` with the fields as the query) that
 * submits itself when a choice changes, so filters apply at once; typed fields (prices) wait
 * for Enter or the Apply button. Without JavaScript it is a plain form with that button.
 */
export function AutoSubmitForm(props: Omit<ComponentProps<typeof Form>, "onChange">) {
  return (
    <Form
      {...props}
      onChange={(event) => {
        const target = event.target as unknown as HTMLInputElement | HTMLSelectElement;
        if (target.type === "radio" || target.type === "checkbox" || target.tagName === "SELECT") event.currentTarget.requestSubmit();
      }}
    />
  );
}
