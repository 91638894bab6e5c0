"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { z } from "zod";
import { ZMarkShippedSchema } from "@bazaar/api/validators";
import { Alert, Button, Card, CardBody, CardHeader, Input } from "@bazaar/ui";
import { errorMessage, fieldErrorsOf } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";
import { textField } from "~/lib/form-data";

interface Shipment {
  id: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
}

/** What the seller does next with a shipment: start packing, then ship it with a tracking number. */
export function ShipmentActions({ shipment }: { shipment: Shipment }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const refresh = () => startRefresh(() => router.refresh());
  const processing = useMutation(trpc.fulfillment.markProcessing.mutationOptions({ onSuccess: refresh }));
  const shipped = useMutation(trpc.fulfillment.markShipped.mutationOptions({ onSuccess: refresh }));
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string[]>>>({});
  const errors = { ...(shipped.error ? fieldErrorsOf(shipped.error) : {}), ...localErrors };

  if (shipment.status === "SHIPPED" || shipment.status === "DELIVERED") {
    return (
      <Alert tone="success" title={shipment.status === "DELIVERED" ? "Delivered" : "Shipped"}>
        <span data-testid="tracking">
          {shipment.carrier} tracking number <span className="font-mono">{shipment.trackingNumber}</span>
        </span>
        . The buyer sees it on their order page.
      </Alert>
    );
  }
  if (shipment.status === "CANCELLED") return null;

  const onShip = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { shipmentId: shipment.id, carrier: textField(data, "carrier"), trackingNumber: textField(data, "trackingNumber") };
    // Same rules as the API: a short carrier name or a tracking number with odd characters is caught here.
    const parsed = ZMarkShippedSchema.safeParse(input);
    if (!parsed.success) {
      shipped.reset();
      setLocalErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setLocalErrors({});
    shipped.mutate(parsed.data);
  };

  return (
    <Card aria-labelledby="ship-heading">
      <CardHeader
        title={<span id="ship-heading">{shipment.status === "PENDING" ? "Pack and ship" : "Ship it"}</span>}
        description={
          shipment.status === "PENDING"
            ? "Mark it as processing while you pack, so the buyer knows it is on its way soon."
            : "Enter the carrier and tracking number once the parcel is handed over."
        }
        actions={
          shipment.status === "PENDING" ? (
            <Button variant="secondary" pending={processing.isPending} onClick={() => processing.mutate({ shipmentId: shipment.id })}>
              Mark as processing
            </Button>
          ) : null
        }
      />
      <CardBody className="space-y-3">
        {processing.error ? <Alert tone="danger">{errorMessage(processing.error)}</Alert> : null}
        {shipped.error && Object.keys(errors).length === 0 ? <Alert tone="danger">{errorMessage(shipped.error)}</Alert> : null}
        <form onSubmit={onShip} noValidate className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-start" aria-label="Ship with tracking">
          <Input label="Carrier" name="carrier" list="carriers" required placeholder="UPS" error={errors.carrier} />
          <datalist id="carriers">
            <option value="UPS" />
            <option value="USPS" />
            <option value="FedEx" />
            <option value="DHL" />
          </datalist>
          <Input label="Tracking number" name="trackingNumber" required className="font-mono" error={errors.trackingNumber} />
          <Button type="submit" className="sm:mt-6" pending={shipped.isPending || refreshing}>
            Mark as shipped
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
