"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { Alert, Badge, Button, Card, CardBody, EmptyState, LoadingRegion, PageHeader, Skeleton } from "@bazaar/ui";
import { AddressForm, formatAddress, type AddressValues } from "~/components/address-form";
import { errorMessage, fieldErrors } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";

type Address = RouterOutputs["address"]["list"][number];

const toValues = (a: Address): AddressValues => ({
  fullName: a.fullName,
  line1: a.line1,
  line2: a.line2 ?? "",
  city: a.city,
  region: a.region ?? "",
  postalCode: a.postalCode,
  country: a.country,
  phone: a.phone ?? "",
  label: a.label ?? "",
});

/** The buyer's saved shipping addresses: add, edit, delete, choose the default. */
export function AddressBook() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.address.list.queryOptions());
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.address.pathFilter());
    setEditing(null);
  };
  const create = useMutation(trpc.address.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.address.update.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.address.delete.mutationOptions({ onSuccess: refresh }));
  const failed = create.error ?? update.error ?? remove.error;

  if (list.isPending) {
    return (
      <LoadingRegion label="Loading your addresses">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="mt-6 h-32" />
      </LoadingRegion>
    );
  }
  if (list.isError) return <Alert tone="danger">{errorMessage(list.error)}</Alert>;

  return (
    <>
      <PageHeader
        title="Addresses"
        description="Choose one at checkout; the default is picked first."
        actions={
          editing !== "new" ? (
            <Button size="sm" onClick={() => setEditing("new")}>
              Add an address
            </Button>
          ) : null
        }
      />
      {failed && !Object.keys(fieldErrors(failed)).length ? (
        <Alert tone="danger" className="mb-4">
          {errorMessage(failed)}
        </Alert>
      ) : null}
      {editing === "new" ? (
        <Card className="mb-6">
          <CardBody>
            <h2 className="mb-4 text-base font-semibold text-slate-900">New address</h2>
            <AddressForm
              errors={fieldErrors(create.error)}
              onSubmit={(values) => create.mutate(values)}
              actions={
                <>
                  <Button type="submit" pending={create.isPending}>
                    Save address
                  </Button>
                  <Button variant="ghost" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </>
              }
            />
          </CardBody>
        </Card>
      ) : null}
      {list.data.length === 0 && editing !== "new" ? (
        <EmptyState title="No saved addresses" description="Save an address to check out faster." />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Saved addresses">
          {list.data.map((address) => (
            <li key={address.id}>
              <Card className="h-full">
                <CardBody className="space-y-3">
                  {editing === address.id ? (
                    <AddressForm
                      initial={toValues(address)}
                      errors={fieldErrors(update.error)}
                      onSubmit={(values) => update.mutate({ id: address.id, ...values })}
                      actions={
                        <>
                          <Button type="submit" pending={update.isPending}>
                            Save changes
                          </Button>
                          <Button variant="ghost" onClick={() => setEditing(null)}>
                            Cancel
                          </Button>
                        </>
                      }
                    />
                  ) : (
                    <>
                      <div className="flex items-start justify-between gap-2">
                        <h2 className="text-sm font-semibold text-slate-900">{address.label ?? address.fullName}</h2>
                        {address.isDefault ? <Badge tone="info">Default</Badge> : null}
                      </div>
                      <p className="text-sm text-slate-700">{formatAddress(address)}</p>
                      {address.phone ? <p className="text-sm text-slate-600">{address.phone}</p> : null}
                      <div className="flex flex-wrap gap-2">
                        <Button size="sm" variant="secondary" onClick={() => setEditing(address.id)}>
                          Edit<span className="sr-only"> {address.label ?? address.fullName}</span>
                        </Button>
                        {!address.isDefault ? (
                          <Button
                            size="sm"
                            variant="ghost"
                            pending={update.isPending && update.variables.id === address.id}
                            onClick={() => update.mutate({ id: address.id, isDefault: true })}
                          >
                            Make default
                          </Button>
                        ) : null}
                        <Button
                          size="sm"
                          variant="ghost"
                          pending={remove.isPending && remove.variables.id === address.id}
                          onClick={() => remove.mutate({ id: address.id })}
                        >
                          Delete<span className="sr-only"> {address.label ?? address.fullName}</span>
                        </Button>
                      </div>
                    </>
                  )}
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
