"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Input } from "@bazaar/ui";
import { errorMessage, fieldErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";
import { textField } from "~/lib/form-data";

export function WarehouseForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.inventory.createWarehouse.mutationOptions({
      onSuccess: () => {
        setFormKey((k) => k + 1);
        router.refresh();
      },
    }),
  );
  const errors = create.error ? fieldErrorsOf(create.error) : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    create.mutate({ name: textField(data, "name"), code: textField(data, "code"), country: textField(data, "country") });
  };
  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_8rem_6rem_auto] sm:items-end" aria-label="Add a warehouse">
      <Input label="Warehouse name" name="name" required error={errors.name} placeholder="East coast depot" />
      <Input label="Code" name="code" required error={errors.code} placeholder="EAST" autoCapitalize="characters" />
      <Input label="Country" name="country" required defaultValue="US" maxLength={2} error={errors.country} autoCapitalize="characters" />
      <Button type="submit" variant="secondary" pending={create.isPending}>
        Add warehouse
      </Button>
      {create.error && Object.keys(errors).length === 0 ? (
        <Alert tone="danger" className="sm:col-span-4">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      {create.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-4">
          Warehouse added.
        </p>
      ) : null}
    </form>
  );
}
