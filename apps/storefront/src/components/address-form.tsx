"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import type { RouterInputs } from "@bazaar/api";
import { Input, Select } from "@bazaar/ui";
import { COUNTRIES } from "~/lib/countries";

export type AddressValues = RouterInputs["address"]["create"];

export const emptyAddress: AddressValues = { fullName: "", line1: "", line2: "", city: "", region: "", postalCode: "", country: "US", phone: "", label: "" };

export interface AddressFormProps {
  initial?: Partial<AddressValues>;
  /** Field messages from the API, by field name. */
  errors?: Partial<Record<string, string[]>>;
  onSubmit: (values: AddressValues) => void;
  /** The submit button and anything beside it. */
  actions: ReactNode;
  /** Extra fields (a "save this address" box, a "default" box). */
  extra?: ReactNode;
}

/** A shipping address: the fields the API validates, labelled, with autocomplete hints. */
export function AddressForm({ initial, errors = {}, onSubmit, actions, extra }: AddressFormProps) {
  const [values, setValues] = useState<AddressValues>({ ...emptyAddress, ...initial });
  const field = (name: keyof AddressValues) => ({
    name,
    value: (values[name] as string | undefined) ?? "",
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label="Shipping address">
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Full name" autoComplete="shipping name" required containerClassName="sm:col-span-2" {...field("fullName")} />
        <Input label="Address line 1" autoComplete="shipping address-line1" required containerClassName="sm:col-span-2" {...field("line1")} />
        <Input label="Address line 2 (optional)" autoComplete="shipping address-line2" containerClassName="sm:col-span-2" {...field("line2")} />
        <Input label="City" autoComplete="shipping address-level2" required {...field("city")} />
        <Input label="State / region (optional)" autoComplete="shipping address-level1" {...field("region")} />
        <Input label="Postal code" autoComplete="shipping postal-code" required {...field("postalCode")} />
        <Select label="Country" autoComplete="shipping country" {...field("country")}>
          {COUNTRIES.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </Select>
        <Input label="Phone (optional)" type="tel" autoComplete="shipping tel" hint="For the carrier, if they need to reach you." {...field("phone")} />
        <Input label="Label (optional)" placeholder="Home, Work…" {...field("label")} />
      </div>
      {extra}
      <div className="flex flex-wrap items-center gap-3">{actions}</div>
    </form>
  );
}

export function formatAddress(address: {
  fullName: string;
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode: string;
  country: string;
}) {
  const cityLine = [address.city, [address.region, address.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [address.fullName, address.line1, address.line2, cityLine, address.country].filter(Boolean).join(", ");
}
