import { redirect } from "next/navigation";

// Notifications and emails about payouts link here; payouts live on the money page.
export default function PayoutsPage() {
  redirect("/money#payouts");
}
