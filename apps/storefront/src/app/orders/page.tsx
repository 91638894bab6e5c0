import { redirect } from "next/navigation";

export default function OrdersLinkPage() {
  redirect("/account/orders");
}
