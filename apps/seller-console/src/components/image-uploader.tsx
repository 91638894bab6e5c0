"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import type { RouterOutputs } from "@bazaar/api";
import { Alert, Button, cn, Input } from "@bazaar/ui";
import { errorMessage } from "~/lib/trpc-errors";
import { useTRPC } from "~/trpc/react";

/** An image of the product being edited: kept ones have no receipt, new uploads carry theirs. */
export interface FormImage {
  key: string;
  url: string;
  alt: string;
  receipt?: string;
}

type Ticket = RouterOutputs["media"]["createProductImageUpload"];

interface Uploaded {
  key: string;
  url: string;
  receipt: string;
}

interface Pending {
  id: number;
  name: string;
  /** 0..1, or null before the first progress event. */
  progress: number | null;
  error: string | null;
}

const isUploaded = (value: unknown): value is Uploaded => {
  const v = value as Partial<Uploaded> | null;
  return typeof v?.key === "string" && typeof v.url === "string" && typeof v.receipt === "string";
};

/** The local store: a multipart POST whose progress XMLHttpRequest reports (fetch cannot). */
function uploadLocal(ticket: Extract<Ticket, { kind: "local" }>, file: File, onProgress: (fraction: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below: not JSON means not our upload route
      }
      if (xhr.status === 201 && isUploaded(body)) return resolve(body);
      const message = (body as { error?: { message?: string } } | null)?.error?.message;
      reject(new Error(message ?? `The upload failed (HTTP ${xhr.status}). Try again.`));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted. Check your connection and try again."));
    const form = new FormData();
    form.append(ticket.fieldName, file);
    xhr.send(form);
  });
}

/** UploadThing: its client uploads straight to UploadThing's storage and reports progress itself. */
async function uploadWithUploadThing(ticket: Extract<Ticket, { kind: "uploadthing" }>, file: File, onProgress: (fraction: number) => void): Promise<Uploaded> {
  const { genUploader } = await import("uploadthing/client");
  const { uploadFiles } = genUploader({ url: ticket.url, package: "bazaar-seller-console" });
  const [result] = await uploadFiles(ticket.endpoint, {
    files: [file],
    headers: ticket.headers,
    onUploadProgress: ({ progress }) => onProgress(progress / 100),
  });
  if (!result || !isUploaded(result.serverData)) throw new Error("UploadThing did not confirm the upload. Try again.");
  return result.serverData;
}

const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export interface ImageUploaderProps {
  images: FormImage[];
  onChange: (images: FormImage[]) => void;
  max: number;
  error?: string | string[] | null;
}

/**
 * Product pictures: upload (several at once, each with its progress), describe (alt text),
 * reorder (the first is the main picture) and remove. Whether files go to the local store or to
 * UploadThing is the server's choice, made when it issues the upload ticket.
 */
export function ImageUploader({ images, onChange, max, error }: ImageUploaderProps) {
  const trpc = useTRPC();
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const ticket = useMutation(trpc.media.createProductImageUpload.mutationOptions());
  // Uploads finish out of order and while the seller edits alt texts: always extend the latest list.
  const latest = useRef(images);
  latest.current = images;

  const room = max - images.length - pending.filter((p) => !p.error).length;

  async function upload(files: File[]) {
    setNotice(null);
    if (files.length === 0) return;
    if (files.length > room) {
      setNotice(`A product has at most ${max} images; you can add ${Math.max(room, 0)} more.`);
      files = files.slice(0, Math.max(room, 0));
    }
    let issued: Ticket;
    try {
      issued = await ticket.mutateAsync();
    } catch (e) {
      setNotice(errorMessage(e));
      return;
    }
    await Promise.all(
      files.map(async (file) => {
        const id = Math.random();
        const update = (patch: Partial<Pending>) => setPending((list) => list.map((p) => (p.id === id ? { ...p, ...patch } : p)));
        setPending((list) => [...list, { id, name: file.name, progress: null, error: null }]);
        if (file.type && !issued.accept.includes(file.type)) {
          update({ error: `${file.name} is not a picture we take. Use ${issued.accept.map((t) => t.replace("image/", "").toUpperCase()).join(", ")}.` });
          return;
        }
        if (file.size > issued.maxBytes) {
          update({ error: `${file.name} is ${formatBytes(file.size)}; images may be at most ${formatBytes(issued.maxBytes)}.` });
          return;
        }
        try {
          const onProgress = (progress: number) => update({ progress });
          const stored = issued.kind === "local" ? await uploadLocal(issued, file, onProgress) : await uploadWithUploadThing(issued, file, onProgress);
          setPending((list) => list.filter((p) => p.id !== id));
          onChange([...latest.current, { key: stored.key, url: stored.url, receipt: stored.receipt, alt: "" }]);
        } catch (e) {
          update({ error: `${file.name}: ${e instanceof Error ? e.message : "the upload failed."}` });
        }
      }),
    );
  }

  const move = (from: number, to: number) => {
    const next = [...images];
    const [item] = next.splice(from, 1);
    if (!item) return;
    next.splice(to, 0, item);
    onChange(next);
  };
  const message = Array.isArray(error) ? error[0] : error;

  return (
    <fieldset className="space-y-3" aria-describedby={`${inputId}-help`}>
      <legend className="text-sm font-medium text-slate-800">Images</legend>
      <p id={`${inputId}-help`} className="text-xs text-slate-500">
        Up to {max} pictures; the first is the main one. Describe each for people who cannot see it.
      </p>
      {images.length > 0 ? (
        <ol className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="product-images">
          {images.map((image, index) => (
            <li key={image.key} className="flex gap-3 rounded-md bg-white p-2 ring-1 ring-slate-200">
              <img src={image.url} alt="" className="size-20 shrink-0 rounded object-cover ring-1 ring-slate-200" />
              <div className="min-w-0 flex-1 space-y-2">
                <Input
                  label={index === 0 ? "Main image: description" : `Image ${index + 1}: description`}
                  value={image.alt}
                  maxLength={200}
                  placeholder="e.g. Brass lamp, front view"
                  onChange={(event) => onChange(images.map((img, i) => (i === index ? { ...img, alt: event.target.value } : img)))}
                />
                <div className="flex flex-wrap gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={`Move image ${index + 1} earlier`}
                  >
                    ← Earlier
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={index === images.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={`Move image ${index + 1} later`}
                  >
                    Later →
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    className="text-red-700"
                    onClick={() => onChange(images.filter((_, i) => i !== index))}
                    aria-label={`Remove image ${index + 1}`}
                  >
                    Remove
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      ) : null}

      {pending.length > 0 ? (
        <ul className="space-y-2" aria-live="polite">
          {pending.map((p) => (
            <li key={p.id} className="text-sm">
              {p.error ? (
                <div className="flex items-start justify-between gap-2 rounded-md bg-red-50 px-3 py-2 text-red-800 ring-1 ring-red-200">
                  <span>{p.error}</span>
                  <button type="button" className="text-xs font-medium underline" onClick={() => setPending((list) => list.filter((x) => x.id !== p.id))}>
                    Dismiss
                  </button>
                </div>
              ) : (
                <label className="block">
                  <span className="flex justify-between text-slate-700">
                    <span className="truncate">Uploading {p.name}</span>
                    <span className="tabular-nums">{p.progress === null ? "…" : `${Math.round(p.progress * 100)}%`}</span>
                  </span>
                  <progress
                    className="mt-1 h-2 w-full overflow-hidden rounded accent-brand-600"
                    max={1}
                    value={p.progress ?? undefined}
                    data-testid="upload-progress"
                  />
                </label>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <div
        className={cn(
          "flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed px-4 py-4",
          message ? "border-red-300" : "border-slate-200",
          room <= 0 && "opacity-60",
        )}
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          void upload([...event.dataTransfer.files]);
        }}
      >
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml"
          multiple
          className="sr-only"
          disabled={room <= 0}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            void upload(files);
          }}
        />
        <label
          htmlFor={inputId}
          className={cn(
            "cursor-pointer rounded-md bg-white px-3 py-2 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50",
            room <= 0 && "cursor-not-allowed",
          )}
        >
          Add images
        </label>
        <span className="text-xs text-slate-500">or drop them here</span>
      </div>
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {message ? <p className="text-xs text-red-700">{message}</p> : null}
    </fieldset>
  );
}
