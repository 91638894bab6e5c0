"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { MAX_RETURN_PHOTOS, RETURN_PHOTO_TYPES } from "@bazaar/api/validators";
import { Alert, Badge, Button, formatMoney, type BadgeTone } from "@bazaar/ui";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";

type Order = RouterOutputs["orders"]["get"];
type ReturnStatus = Order["returns"][number]["status"];

const label: Record<ReturnStatus, string> = {
  REQUESTED: "Requested",
  APPROVED: "Approved: send it back",
  REJECTED: "Not accepted",
  SENT: "On its way back",
  RECEIVED: "Received and refunded",
  CANCELLED: "Withdrawn",
};
const tone: Record<ReturnStatus, BadgeTone> = {
  REQUESTED: "info",
  APPROVED: "warning",
  REJECTED: "danger",
  SENT: "info",
  RECEIVED: "success",
  CANCELLED: "neutral",
};

/**
 * A delivered part's returns: each one's state (instructions, refund), marking it sent, and asking
 * for a new one. A guest acts with their order link's `token`.
 */
export function ShipmentReturns({ order, shipment, token }: { order: Order; shipment: Order["shipments"][number]; token: string | null }) {
  const returns = order.returns.filter((r) => r.shipmentId === shipment.id);
  const open = new Map<string, number>();
  for (const r of returns) {
    if (r.status === "REQUESTED" || r.status === "APPROVED" || r.status === "SENT") {
      for (const i of r.items) open.set(i.orderItemId, (open.get(i.orderItemId) ?? 0) + i.quantity);
    }
  }
  const returnable = shipment.items
    .map((i) => ({ id: i.id, name: i.name, left: i.quantity - i.refundedQuantity - (open.get(i.id) ?? 0) }))
    .filter((i) => i.left > 0);
  if (returns.length === 0 && (shipment.status !== "DELIVERED" || !order.canReturn)) return null;
  return (
    <div className="space-y-3 border-t border-slate-100 px-5 py-4 text-sm" data-testid="returns">
      {returns.map((r) => (
        <div key={r.id} className="space-y-1" data-testid="return">
          <p className="font-medium text-slate-900">
            Return #{r.number} <Badge tone={tone[r.status]}>{label[r.status]}</Badge>
          </p>
          <p className="text-slate-600">{r.items.map((i) => `${i.quantity} × ${i.orderItem.name}`).join(", ")}</p>
          {r.status === "APPROVED" && r.instructions ? <p className="whitespace-pre-line text-slate-700">How to send it: {r.instructions}</p> : null}
          {r.status === "REJECTED" && r.rejectionReason ? <p className="text-slate-700">Reason: {r.rejectionReason}</p> : null}
          {r.refund ? <p className="text-slate-700">Refunded {formatMoney(r.refund.amountCents, order.currency)}</p> : null}
          {r.status === "APPROVED" && order.canReturn ? <MarkSent returnId={r.id} token={token} /> : null}
        </div>
      ))}
      {shipment.status === "DELIVERED" && order.canReturn && returnable.length > 0 ? (
        <RequestReturn order={order} shipmentId={shipment.id} items={returnable} token={token} />
      ) : null}
    </div>
  );
}

function useOrderMutationDone() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.orders.pathFilter());
}

function RequestReturn({
  order,
  shipmentId,
  items,
  token,
}: {
  order: Order;
  shipmentId: string;
  items: { id: string; name: string; left: number }[];
  token: string | null;
}) {
  const trpc = useTRPC();
  const done = useOrderMutationDone();
  const [open, setOpen] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const id = useId();
  const photosId = useId();
  const request = useMutation(trpc.returns.request.mutationOptions({ onSuccess: async () => (setOpen(false), await done()) }));
  const photoUpload = useMutation(trpc.returns.photoUpload.mutationOptions());

  /** Uploads the chosen photos (the server checks each one's type and size), then asks for the return with them. */
  const submit = async () => {
    setPhotoError(null);
    const tooMany = files.length > MAX_RETURN_PHOTOS;
    const wrong = files.find((f) => !(RETURN_PHOTO_TYPES as readonly string[]).includes(f.type));
    if (tooMany || wrong) {
      setPhotoError(tooMany ? `Attach at most ${MAX_RETURN_PHOTOS} photos.` : `"${wrong!.name}" is not a photo Bazaar takes: attach JPEG, PNG or WebP images.`);
      return;
    }
    const photos: { key: string; url: string; receipt: string }[] = [];
    if (files.length > 0) {
      setUploading(true);
      try {
        const upload = await photoUpload.mutateAsync({ orderId: order.id, token });
        for (const file of files) {
          if (file.size > upload.maxBytes) throw new Error(`"${file.name}" is over ${Math.round(upload.maxBytes / (1024 * 1024))} MB: attach a smaller photo.`);
          const body = new FormData();
          body.append(upload.fieldName, file);
          const response = await fetch(upload.url, { method: "POST", headers: upload.headers, body });
          const answer = (await response.json().catch(() => null)) as { key: string; url: string; receipt: string; error?: { message: string } } | null;
          if (!response.ok || !answer || answer.error) throw new Error(answer?.error?.message ?? `"${file.name}" could not be uploaded. Try again.`);
          photos.push({ key: answer.key, url: answer.url, receipt: answer.receipt });
        }
      } catch (error) {
        setPhotoError(error instanceof Error ? error.message : errorMessage(error));
        return;
      } finally {
        setUploading(false);
      }
    }
    request.mutate({ orderId: order.id, token, shipmentId, items: chosen, reason, photos });
  };
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Return items
      </Button>
    );
  }
  const chosen = Object.entries(quantities)
    .filter(([, q]) => q > 0)
    .map(([orderItemId, quantity]) => ({ orderItemId, quantity }));
  return (
    <form
      aria-label="Return items"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="font-medium text-slate-900">What are you sending back?</legend>
        {items.map((item) => (
          <label key={item.id} className="flex items-center justify-between gap-3">
            <span>{item.name}</span>
            <select
              aria-label={`Units of ${item.name} to return`}
              className="rounded-md border border-slate-300 px-2 py-1"
              value={quantities[item.id] ?? 0}
              onChange={(e) => setQuantities({ ...quantities, [item.id]: Number(e.target.value) })}
            >
              {Array.from({ length: item.left + 1 }, (_, n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor={id} className="block font-medium text-slate-900">
          Why are you returning it?
        </label>
        <textarea
          id={id}
          required
          minLength={3}
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor={photosId} className="block font-medium text-slate-900">
          Photos (optional)
        </label>
        <input
          id={photosId}
          type="file"
          multiple
          accept={RETURN_PHOTO_TYPES.join(",")}
          aria-describedby={`${photosId}-hint`}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
        />
        <p id={`${photosId}-hint`} className="mt-1 text-xs text-slate-500">
          Up to {MAX_RETURN_PHOTOS} JPEG, PNG or WebP photos of 5 MB at most: the shop sees them with your request.
        </p>
      </div>
      {photoError ? <Alert tone="danger">{photoError}</Alert> : null}
      {request.error ? <Alert tone="danger">{errorMessage(request.error)}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={uploading || request.isPending} disabled={chosen.length === 0}>
          Ask for a return
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(false)}>
          Not now
        </Button>
      </div>
    </form>
  );
}

function MarkSent({ returnId, token }: { returnId: string; token: string | null }) {
  const trpc = useTRPC();
  const done = useOrderMutationDone();
  const [carrier, setCarrier] = useState("");
  const [trackingNumber, setTrackingNumber] = useState("");
  const markSent = useMutation(trpc.returns.markSent.mutationOptions({ onSuccess: done }));
  const carrierId = useId();
  const trackingId = useId();
  return (
    <form
      aria-label="Mark the return as sent"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        markSent.mutate({ returnId, token, carrier, trackingNumber });
      }}
    >
      <div>
        <label htmlFor={carrierId} className="block text-xs text-slate-600">
          Carrier
        </label>
        <input id={carrierId} required value={carrier} onChange={(e) => setCarrier(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1" />
      </div>
      <div>
        <label htmlFor={trackingId} className="block text-xs text-slate-600">
          Tracking number
        </label>
        <input
          id={trackingId}
          required
          value={trackingNumber}
          onChange={(e) => setTrackingNumber(e.target.value)}
          className="rounded-md border border-slate-300 px-2 py-1"
        />
      </div>
      <Button type="submit" size="sm" pending={markSent.isPending}>
        I sent it
      </Button>
      {markSent.error ? <Alert tone="danger">{errorMessage(markSent.error)}</Alert> : null}
    </form>
  );
}
