/** A text field of a submitted form ("" when missing, or when it is a file). */
export function textField(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}
