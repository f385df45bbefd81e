import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";

export default async function Home() {
  redirect((await getSessionActor()) ? "/articles" : "/sign-in");
}
