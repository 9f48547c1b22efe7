import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/dal";
import { homePathFor } from "@/components/nav";

export default async function Home() {
  const user = await getCurrentUser();
  redirect(user ? homePathFor(user.role) : "/login");
}
