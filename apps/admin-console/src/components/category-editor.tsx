"use client";

import { useRef } from "react";
import { Alert, Button, ConfirmDialog, FormDialog, Input, Select, Table, TBody, Td, Th, THead } from "@bazaar/ui";
import { formText } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

import { useAdminMutation } from "./use-admin-mutation";

export interface CategoryRow {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  depth: number;
  productCount: number;
  totalProductCount: number;
  childCount: number;
  /** This category and everything under it: none of them can become its parent. */
  subtreeIds: string[];
}

function ParentOptions({ rows, exclude }: { rows: CategoryRow[]; exclude?: readonly string[] }) {
  return (
    <>
      <option value="">— Top level —</option>
      {rows
        .filter((r) => !exclude?.includes(r.id))
        .map((r) => (
          <option key={r.id} value={r.id}>
            {`${"\u00a0\u00a0".repeat(r.depth)}${r.name}`}
          </option>
        ))}
    </>
  );
}

/** The category tree as an indented table, with create, rename, move and delete. */
export function CategoryEditor({ rows }: { rows: CategoryRow[] }) {
  const trpc = useTRPC();
  const create = useAdminMutation(trpc.admin.categories.create.mutationOptions());
  const rename = useAdminMutation(trpc.admin.categories.rename.mutationOptions());
  const move = useAdminMutation(trpc.admin.categories.move.mutationOptions());
  const remove = useAdminMutation(trpc.admin.categories.delete.mutationOptions());
  const createForm = useRef<HTMLFormElement>(null);

  return (
    <div className="space-y-6">
      <form
        ref={createForm}
        aria-labelledby="new-category"
        className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void create
            .run({
              name: formText(form, "name"),
              slug: formText(form, "slug") || undefined,
              parentId: formText(form, "parentId") || null,
            })
            .then((ok) => {
              if (ok) createForm.current?.reset();
            });
        }}
      >
        <h2 id="new-category" className="mb-3 text-base font-semibold text-slate-900">
          New category
        </h2>
        <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Input label="Name" name="name" required error={create.fieldErrors.name} />
          <Input label="Slug" name="slug" hint="Made from the name when empty." error={create.fieldErrors.slug} />
          <Select label="Parent" name="parentId" defaultValue="" error={create.fieldErrors.parentId}>
            <ParentOptions rows={rows} />
          </Select>
          <Button type="submit" pending={create.pending}>
            Add category
          </Button>
        </div>
        {create.error ? (
          <Alert tone="danger" className="mt-3">
            {create.error}
          </Alert>
        ) : null}
      </form>

      <Table caption="Category tree" data-testid="category-tree">
        <THead>
          <tr>
            <Th>Category</Th>
            <Th>Slug</Th>
            <Th className="text-right">Products here</Th>
            <Th className="text-right">With sub-categories</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => {
            const empty = row.childCount === 0 && row.productCount === 0;
            return (
              <tr key={row.id}>
                <Td>
                  <span style={{ paddingLeft: `${row.depth * 1.25}rem` }} className="inline-block font-medium text-slate-900">
                    {row.depth > 0 ? (
                      <span aria-hidden className="mr-1 text-slate-400">
                        └
                      </span>
                    ) : null}
                    {row.name}
                  </span>
                  {row.depth > 0 ? <span className="sr-only"> (level {row.depth + 1})</span> : null}
                </Td>
                <Td className="text-slate-600">{row.slug}</Td>
                <Td className="text-right tabular-nums">{row.productCount}</Td>
                <Td className="text-right tabular-nums">{row.totalProductCount}</Td>
                <Td>
                  <div className="flex gap-2">
                    <FormDialog
                      triggerLabel="Rename"
                      triggerAccessibleName={`Rename ${row.name}`}
                      title={`Rename “${row.name}”`}
                      description="Changing the slug changes the category's address on the storefront."
                      submitLabel="Save"
                      onSubmit={(form) =>
                        rename.run({
                          categoryId: row.id,
                          name: formText(form, "name"),
                          slug: formText(form, "slug") || undefined,
                        })
                      }
                      error={rename.error}
                      pending={rename.pending}
                    >
                      <Input label="Name" name="name" defaultValue={row.name} required error={rename.fieldErrors.name} />
                      <Input label="Slug" name="slug" defaultValue={row.slug} error={rename.fieldErrors.slug} />
                    </FormDialog>
                    <FormDialog
                      triggerLabel="Move"
                      triggerAccessibleName={`Move ${row.name}`}
                      title={`Move “${row.name}”`}
                      description="Its sub-categories and products move with it. It cannot go under itself or its own sub-categories."
                      submitLabel="Move"
                      onSubmit={(form) => {
                        const position = formText(form, "position");
                        return move.run({
                          categoryId: row.id,
                          parentId: formText(form, "parentId") || null,
                          position: position ? Math.max(0, Number(position) - 1) : undefined,
                        });
                      }}
                      error={move.error}
                      pending={move.pending}
                    >
                      <Select label="New parent" name="parentId" defaultValue={row.parentId ?? ""} error={move.fieldErrors.parentId}>
                        <ParentOptions rows={rows} exclude={row.subtreeIds} />
                      </Select>
                      <Input
                        label="Position among its new siblings"
                        name="position"
                        type="number"
                        min={1}
                        hint="1 is first; empty puts it last."
                        error={move.fieldErrors.position}
                      />
                    </FormDialog>
                    <ConfirmDialog
                      triggerLabel="Delete"
                      triggerAccessibleName={`Delete ${row.name}`}
                      triggerVariant="ghost"
                      disabled={!empty}
                      title={`Delete “${row.name}”?`}
                      description="The category is removed for good. It has no sub-categories or products."
                      confirmLabel="Delete category"
                      onConfirm={() => remove.run({ categoryId: row.id })}
                      error={remove.error}
                      pending={remove.pending}
                    />
                  </div>
                  {!empty ? <p className="mt-1 text-xs text-slate-500">Not empty: move its contents to delete it.</p> : null}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
