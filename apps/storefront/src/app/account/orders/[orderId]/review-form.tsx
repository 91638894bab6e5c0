"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Input, Textarea } from "@bazaar/ui";
import { errorMessage, fieldErrors } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";

const STARS = [5, 4, 3, 2, 1] as const;

/** A review of a delivered product: stars (a radio group), a title and a few words. */
export function ReviewForm({ orderId, productId, productName, onDone }: { orderId: string; productId: string; productName: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rating, setRating] = useState<number | null>(null);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const create = useMutation(
    trpc.reviews.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.orders.get.queryFilter({ orderId }));
        onDone();
      },
    }),
  );
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating) create.mutate({ productId, rating, title: title || undefined, body: body || undefined });
  };
  return (
    <form onSubmit={submit} className="mt-3 space-y-3 rounded-md bg-slate-50 p-4" aria-label={`Review of ${productName}`} noValidate>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Your rating</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {STARS.map((stars) => (
            <label key={stars} className="flex items-center gap-1 text-sm text-slate-700">
              <input type="radio" name="rating" value={stars} checked={rating === stars} onChange={() => setRating(stars)} className="accent-brand-600" />
              {stars} {stars === 1 ? "star" : "stars"}
            </label>
          ))}
        </div>
      </fieldset>
      <Input label="Title (optional)" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} error={errors.title} />
      <Textarea label="Your review (optional)" value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} error={errors.body} />
      {create.isError && !errors.title && !errors.body ? <Alert tone="danger">{errorMessage(create.error)}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={create.isPending} disabled={!rating}>
          Post review
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
